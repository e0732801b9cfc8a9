/* outlay-rule-editor.c
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

/* A category rule's editor, as a dialog over the Rules page: where it
 * looks and how, the words it looks for (one row each), the amounts and
 * currency it keeps to, the category it files under and the description
 * it gives. As the form changes, a worker tries it against the ledger:
 * how many expenses it matches and the newest few. Saving checks the rule
 * through the repository; a refusal marks its row and keeps the form as
 * it was typed. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-category-picker.h"
#include "outlay-currency.h"
#include "outlay-form-rows.h"
#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-rule-editor.h"
#include "outlay-toasts.h"

/* How long the form rests before it is tried against the ledger. */
#define COUNT_DELAY_MS 300

/* The expenses of the ledger shown under the count. */
#define N_SAMPLES 5

struct _OutlayRuleEditor
{
  AdwWindow parent_instance;

  OutlayRepository   *repository;
  OutlayReader       *reader;
  OutlayCategoryRule *rule; /* the one edited, or a new one's draft */
  gboolean            is_new;
  char               *error;      /* the last refusal, for tests */
  GPtrArray          *currencies; /* of the currency row's choices after "Any" */

  AdwToastOverlay *toasts;
  GtkWidget       *save_button;
  GtkWidget       *field_row;
  GtkWidget       *match_row;
  GtkWidget       *patterns_list;
  GPtrArray       *pattern_rows; /* AdwEntryRow */
  GtkWidget       *add_pattern_button;
  GtkWidget       *min_row;
  GtkWidget       *max_row;
  GtkWidget       *currency_row;
  GtkWidget       *category_row;
  GtkWidget       *rename_row;
  GtkWidget       *matches_label;
  GtkWidget       *spinner;
  GtkWidget       *samples;

  guint         count_source;
  GCancellable *count_cancellable;
};

enum
{
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayRuleEditor, outlay_rule_editor, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static void schedule_count (OutlayRuleEditor *self);

static void
clear_errors (OutlayRuleEditor *self)
{
  GtkWidget *rows[] = { self->min_row, self->max_row, self->currency_row, self->category_row, self->rename_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  for (guint i = 0; i < self->pattern_rows->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->pattern_rows, i), "error");
}

static const char *
selected_currency (OutlayRuleEditor *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->currency_row));

  return i > 0 && i <= self->currencies->len ? g_ptr_array_index (self->currencies, i - 1) : NULL;
}

/* A bound as a rule keeps it: read as amounts are typed, in the rule's
 * currency or else the ledger's, and written plainly ("50.00"). */
static gboolean
read_bound (OutlayRuleEditor *self,
            GtkWidget        *row,
            char            **bound,
            GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *currency = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 minor;

  *bound = NULL;
  if (*text == '\0')
    return TRUE;
  currency = selected_currency (self) != NULL ? g_strdup (selected_currency (self))
                                              : outlay_repository_dup_currency (self->repository,
                                                                                outlay_currency_for_locale ());
  if (!outlay_money_parse (text, currency, &minor, &local_error))
    {
      g_set_error (error, OUTLAY_REPOSITORY_ERROR, OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT,
                   /* Translators: a rule's amount that could not be read, and why */
                   _("“%s” is not an amount: %s"), text, local_error->message);
      return FALSE;
    }
  *bound = outlay_money_format_plain (minor, currency);
  return TRUE;
}

/* The form as a rule, or %NULL with @error and @row set to what is wrong. */
static OutlayCategoryRule *
read_form (OutlayRuleEditor *self,
           GtkWidget       **row,
           GError          **error)
{
  g_autoptr (OutlayCategoryRule) rule = outlay_category_rule_copy (self->rule);
  g_autoptr (GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *rename_to = NULL;
  gint64           category_id = outlay_category_picker_get_category_id (OUTLAY_CATEGORY_PICKER (self->category_row));
  OutlayCategory  *category = outlay_repository_lookup_category (self->repository, category_id);

  outlay_category_rule_set_field (rule, adw_combo_row_get_selected (ADW_COMBO_ROW (self->field_row)) == 1
                                          ? OUTLAY_RULE_FIELD_NOTE
                                          : OUTLAY_RULE_FIELD_DESCRIPTION);
  switch (adw_combo_row_get_selected (ADW_COMBO_ROW (self->match_row)))
    {
    case 1:
      outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_STARTS);
      break;
    case 2:
      outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_EQUALS);
      break;
    default:
      outlay_category_rule_set_match (rule, OUTLAY_RULE_MATCH_CONTAINS);
      break;
    }

  for (guint i = 0; i < self->pattern_rows->len; i++)
    {
      const char      *text = gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->pattern_rows, i)));
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0')
        g_ptr_array_add (patterns, g_steal_pointer (&stripped));
    }
  g_ptr_array_add (patterns, NULL);
  outlay_category_rule_set_patterns (rule, (const char *const *) patterns->pdata);

  outlay_category_rule_set_currency (rule, selected_currency (self));
  *row = self->min_row;
  if (!read_bound (self, self->min_row, &min, error))
    return NULL;
  *row = self->max_row;
  if (!read_bound (self, self->max_row, &max, error))
    return NULL;
  outlay_category_rule_set_amount_min (rule, min);
  outlay_category_rule_set_amount_max (rule, max);

  if (category != NULL)
    outlay_category_rule_set_category_uuid (rule, outlay_category_get_uuid (category));

  rename_to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rename_row))));
  outlay_category_rule_set_rename_to (rule, *rename_to != '\0' ? rename_to : NULL);

  *row = NULL;
  return g_steal_pointer (&rule);
}

/* The row a refusal of the store is about. */
static GtkWidget *
row_of_error (OutlayRuleEditor *self,
              const GError     *error)
{
  if (error->domain != OUTLAY_REPOSITORY_ERROR)
    return NULL;

  switch (error->code)
    {
    case OUTLAY_REPOSITORY_ERROR_INVALID_PATTERN:
      for (guint i = 0; i < self->pattern_rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (self->pattern_rows, i);

          if (*gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
            return row;
        }
      return self->pattern_rows->len > 0 ? g_ptr_array_index (self->pattern_rows, 0) : NULL;
    case OUTLAY_REPOSITORY_ERROR_INVALID_AMOUNT:
      return *gtk_editable_get_text (GTK_EDITABLE (self->max_row)) != '\0' ? self->max_row : self->min_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_CURRENCY:
      return self->currency_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_CATEGORY:
      return self->category_row;
    case OUTLAY_REPOSITORY_ERROR_INVALID_DESCRIPTION:
      return self->rename_row;
    default:
      return NULL;
    }
}

static void
show_error (OutlayRuleEditor *self,
            GtkWidget        *row,
            const GError     *error)
{
  g_free (self->error);
  self->error = g_strdup (error->message);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  outlay_toasts_add_error (self->toasts, error->message);
}

/**
 * outlay_rule_editor_save:
 *
 * Saves the form, as the Save or Add button does: on success the editor
 * emits ::saved and closes; else it says why and keeps the form.
 *
 * Returns: whether the rule was saved
 */
gboolean
outlay_rule_editor_save (OutlayRuleEditor *self)
{
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (OutlayCategoryRule) stored = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *row = NULL;

  g_return_val_if_fail (OUTLAY_IS_RULE_EDITOR (self), FALSE);

  clear_errors (self);
  if (!(rule = read_form (self, &row, &error)))
    {
      show_error (self, row, error);
      return FALSE;
    }

  if (self->is_new)
    stored = outlay_repository_add_category_rule (self->repository, rule, &error);
  else
    stored = outlay_repository_update_category_rule (self->repository, rule, &error);

  if (stored == NULL)
    {
      show_error (self, row_of_error (self, error), error);
      return FALSE;
    }

  g_clear_pointer (&self->error, g_free);
  g_signal_emit (self, signals[SAVED], 0, stored);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked_cb (OutlayRuleEditor *self)
{
  outlay_rule_editor_save (self);
}

/* Tried against the ledger */

typedef struct
{
  guint      count;
  GPtrArray *expenses;
} Sample;

static void
sample_free (gpointer data)
{
  Sample *sample = data;

  g_clear_pointer (&sample->expenses, g_ptr_array_unref);
  g_free (sample);
}

static gpointer
sample_thread (OutlayRepository *repository,
               gpointer          data,
               GCancellable     *cancellable,
               GError          **error)
{
  Sample *sample = g_new0 (Sample, 1);

  if (!outlay_repository_sample_rule_matches (repository, data, N_SAMPLES, cancellable, &sample->count,
                                              &sample->expenses, error))
    {
      sample_free (sample);
      return NULL;
    }
  return sample;
}

static void
clear_samples (OutlayRuleEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->samples)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->samples), child);
  gtk_widget_set_visible (self->samples, FALSE);
}

static void
show_sample (OutlayRuleEditor *self,
             Sample           *sample)
{
  g_autofree char *text = NULL;

  if (sample->count == 0)
    text = g_strdup (_("Matches no expense yet"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Matches %u expense", "Matches %u expenses", sample->count),
                            sample->count);
  gtk_label_set_label (GTK_LABEL (self->matches_label), text);

  clear_samples (self);
  for (guint i = 0; i < sample->expenses->len; i++)
    {
      OutlayExpense   *expense = g_ptr_array_index (sample->expenses, i);
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (outlay_expense_get_description (expense), -1);
      g_autofree char *day = outlay_format_date (outlay_expense_get_occurred_on (expense));
      g_autofree char *amount = outlay_money_format_expense (outlay_expense_get_amount (expense),
                                                             outlay_expense_get_currency (expense));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", day, amount);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (self->samples), row);
    }
  gtk_widget_set_visible (self->samples, sample->expenses->len > 0);
}

/* A count asked for: a count cancelled may still end well, after a newer
 * one began, and is then dropped. */
typedef struct
{
  OutlayRuleEditor *self;
  GCancellable     *cancellable;
} Pending;

static void
on_sample_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pending          *pending = user_data;
  OutlayRuleEditor *self = pending->self;
  g_autoptr (GError) error = NULL;
  Sample  *sample = outlay_reader_run_finish (OUTLAY_READER (source), result, &error);
  gboolean current = pending->cancellable == self->count_cancellable;

  if (current && sample == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_label (GTK_LABEL (self->matches_label), error->message);
  if (current && sample != NULL)
    show_sample (self, sample);
  if (current)
    {
      gtk_spinner_stop (GTK_SPINNER (self->spinner));
      g_clear_object (&self->count_cancellable);
    }

  g_clear_pointer (&sample, sample_free);
  g_object_unref (pending->cancellable);
  g_object_unref (pending->self);
  g_free (pending);
}

static gboolean
count_cb (gpointer user_data)
{
  OutlayRuleEditor *self = user_data;
  g_autoptr (OutlayCategoryRule) rule = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *row = NULL;
  Pending   *pending;

  self->count_source = 0;
  rule = read_form (self, &row, &error);
  if (rule == NULL || outlay_category_rule_get_patterns (rule)[0] == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->matches_label),
                           rule == NULL ? error->message : _("Type what to look for to see what the rule matches."));
      clear_samples (self);
      return G_SOURCE_REMOVE;
    }

  self->count_cancellable = g_cancellable_new ();
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->cancellable = g_object_ref (self->count_cancellable);
  outlay_reader_run_async (self->reader, sample_thread, g_steal_pointer (&rule), g_object_unref, sample_free,
                           self->count_cancellable, on_sample_done_cb, pending);
  return G_SOURCE_REMOVE;
}

/* After each change: the count running is no longer wanted. */
static void
schedule_count (OutlayRuleEditor *self)
{
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  g_clear_handle_id (&self->count_source, g_source_remove);
  self->count_source = g_timeout_add (COUNT_DELAY_MS, count_cb, self);
}

/* The words */

static void
update_remove_buttons (OutlayRuleEditor *self)
{
  for (guint i = 0; i < self->pattern_rows->len; i++)
    {
      GtkWidget *button = g_object_get_data (g_ptr_array_index (self->pattern_rows, i), "remove");

      gtk_widget_set_visible (button, self->pattern_rows->len > 1);
    }
}

static void
on_remove_pattern_cb (GtkButton        *button,
                      OutlayRuleEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  g_ptr_array_remove (self->pattern_rows, row);
  gtk_list_box_remove (GTK_LIST_BOX (self->patterns_list), row);
  update_remove_buttons (self);
  if (self->pattern_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->pattern_rows, self->pattern_rows->len - 1));
  schedule_count (self);
}

static GtkWidget *
append_pattern (OutlayRuleEditor *self,
                const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  /* Translators: one of the words a rule looks for; the rule matches when any one is there */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Words"));
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (schedule_count), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove These Words"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove These Words"),
                                  -1);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_pattern_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_ptr_array_add (self->pattern_rows, row);
  gtk_list_box_append (GTK_LIST_BOX (self->patterns_list), row);
  update_remove_buttons (self);
  return row;
}

static void
on_add_pattern_cb (OutlayRuleEditor *self)
{
  gtk_widget_grab_focus (append_pattern (self, NULL));
}

/* The form */

static GtkWidget *
new_entry (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

/* The categories offered, each under the one it is in; the rule's own
 * too, hidden or not. A new rule, or one whose category is gone, files
 * under the first category offered. */
static GtkWidget *
new_category_row (OutlayRuleEditor *self)
{
  GtkWidget      *row = outlay_category_picker_new ();
  OutlayCategory *category =
    outlay_repository_lookup_category_by_uuid (self->repository, outlay_category_rule_get_category_uuid (self->rule));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Category"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  outlay_category_picker_set_repository (OUTLAY_CATEGORY_PICKER (row), self->repository);
  if (category != NULL)
    {
      outlay_category_picker_select (OUTLAY_CATEGORY_PICKER (row), outlay_category_get_id (category), TRUE);
    }
  else
    {
      g_autoptr (GObject) first = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (row)), 0);

      if (OUTLAY_IS_CATEGORY (first))
        outlay_category_picker_select (OUTLAY_CATEGORY_PICKER (row), outlay_category_get_id (OUTLAY_CATEGORY (first)),
                                       FALSE);
    }
  return row;
}

/* "Any Currency", the ledger's, then every other code. */
static GtkWidget *
new_currency_row (OutlayRuleEditor *self)
{
  g_autofree char *ledger = outlay_repository_dup_currency (self->repository, outlay_currency_for_locale ());
  const char      *current = outlay_category_rule_get_currency (self->rule);
  g_autoptr (GtkStringList) codes = gtk_string_list_new (NULL);
  const OutlayCurrency *all;
  GtkWidget            *row = adw_combo_row_new ();
  guint                 n_all = 0;
  guint                 selected = 0;

  gtk_string_list_append (codes, _("Any Currency"));
  g_ptr_array_add (self->currencies, g_strdup (ledger));
  all = outlay_currency_get_all (&n_all);
  for (guint i = 0; i < n_all; i++)
    if (g_strcmp0 (all[i].code, ledger) != 0)
      g_ptr_array_add (self->currencies, g_strdup (all[i].code));
  for (guint i = 0; i < self->currencies->len; i++)
    {
      gtk_string_list_append (codes, g_ptr_array_index (self->currencies, i));
      if (g_strcmp0 (current, g_ptr_array_index (self->currencies, i)) == 0)
        selected = i + 1;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("C_urrency"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (codes));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static void
build (OutlayRuleEditor *self)
{
  const char        *field_choices[] = { _("Description"), _("Note"), NULL };
  const char        *match_choices[] = { _("Contains"), _("Starts With"), _("Is Exactly"), NULL };
  const char *const *patterns = outlay_category_rule_get_patterns (self->rule);
  GtkWidget         *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget         *page = adw_preferences_page_new ();
  GtkWidget         *group;
  GtkWidget         *header;
  GtkWidget         *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char        *accept;

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Rule") : _("Edit Rule"));
  accept = self->is_new ? _("_Add") : _("_Save");
  header = outlay_form_dialog_header_new (GTK_WINDOW (self), accept, G_CALLBACK (on_save_clicked_cb),
                                          &self->save_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  /* Where and how */
  group = outlay_form_group_new (page, NULL, _("Case and accents do not matter: “backerei” finds “Bäckerei”."));
  self->field_row = outlay_form_combo_row_new (_("_Look In"), field_choices);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->field_row), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->field_row),
                              outlay_category_rule_get_field (self->rule) == OUTLAY_RULE_FIELD_NOTE ? 1 : 0);
  g_signal_connect_swapped (self->field_row, "notify::selected", G_CALLBACK (schedule_count), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->field_row);
  self->match_row = outlay_form_combo_row_new (_("_Match"), match_choices);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->match_row), TRUE);
  switch (outlay_category_rule_get_match (self->rule))
    {
    case OUTLAY_RULE_MATCH_STARTS:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->match_row), 1);
      break;
    case OUTLAY_RULE_MATCH_EQUALS:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->match_row), 2);
      break;
    case OUTLAY_RULE_MATCH_CONTAINS:
    default:
      break;
    }
  g_signal_connect_swapped (self->match_row, "notify::selected", G_CALLBACK (schedule_count), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->match_row);

  /* What: the words, then a button for more, which a large text leaves
   * room for under the list rather than beside the group's title. */
  group = outlay_form_group_new (page, _("Looks For"), _("Any one of these is enough."));
  self->patterns_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->patterns_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->patterns_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->patterns_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Looks For"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->patterns_list);
  self->add_pattern_button = gtk_button_new ();
  {
    GtkWidget *content = adw_button_content_new ();

    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Another"));
    adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
    gtk_button_set_child (GTK_BUTTON (self->add_pattern_button), content);
  }
  gtk_widget_add_css_class (self->add_pattern_button, "flat");
  gtk_widget_set_halign (self->add_pattern_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->add_pattern_button, 6);
  g_signal_connect_swapped (self->add_pattern_button, "clicked", G_CALLBACK (on_add_pattern_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->add_pattern_button);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    append_pattern (self, patterns[i]);
  if (self->pattern_rows->len == 0)
    append_pattern (self, NULL);

  /* Only when */
  group = outlay_form_group_new (page, _("Only When"),
                                 _("Amounts are compared in each expense’s own currency. "
                                   "Leave them empty for any amount."));
  /* Translators: the lowest amount a rule matches, inclusive */
  self->min_row = new_entry (_("Amount _From"));
  gtk_editable_set_text (GTK_EDITABLE (self->min_row), outlay_category_rule_get_amount_min (self->rule) != NULL
                                                         ? outlay_category_rule_get_amount_min (self->rule)
                                                         : "");
  g_signal_connect_swapped (self->min_row, "changed", G_CALLBACK (schedule_count), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->min_row);
  /* Translators: the highest amount a rule matches, inclusive */
  self->max_row = new_entry (_("Amount _To"));
  gtk_editable_set_text (GTK_EDITABLE (self->max_row), outlay_category_rule_get_amount_max (self->rule) != NULL
                                                         ? outlay_category_rule_get_amount_max (self->rule)
                                                         : "");
  g_signal_connect_swapped (self->max_row, "changed", G_CALLBACK (schedule_count), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->max_row);
  self->currency_row = new_currency_row (self);
  g_signal_connect_swapped (self->currency_row, "notify::selected", G_CALLBACK (schedule_count), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->currency_row);

  /* Then */
  group = outlay_form_group_new (page, _("Then"), NULL);
  self->category_row = new_category_row (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->category_row);
  self->rename_row = new_entry (_("_Rename To (Optional)"));
  gtk_editable_set_text (GTK_EDITABLE (self->rename_row), outlay_category_rule_get_rename_to (self->rule) != NULL
                                                            ? outlay_category_rule_get_rename_to (self->rule)
                                                            : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rename_row);

  /* Tried against the ledger */
  group = outlay_form_group_new (page, _("Your Expenses"), NULL);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_valign (self->spinner, GTK_ALIGN_CENTER);
  /* A stopped spinner would still indent the count. */
  g_object_bind_property (self->spinner, "spinning", self->spinner, "visible", G_BINDING_SYNC_CREATE);
  self->matches_label = outlay_form_label_new (NULL, NULL, 0);
  gtk_widget_set_hexpand (self->matches_label, TRUE);
  gtk_box_append (GTK_BOX (status), self->matches_label);
  gtk_box_append (GTK_BOX (status), self->spinner);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);
  self->samples = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->samples), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->samples, "boxed-list");
  gtk_widget_set_margin_top (self->samples, 12);
  gtk_widget_set_visible (self->samples, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->samples), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Newest Matching Expenses"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->samples);

  gtk_window_set_focus (GTK_WINDOW (self), g_ptr_array_index (self->pattern_rows, 0));
  schedule_count (self);
}

static void
outlay_rule_editor_dispose (GObject *object)
{
  OutlayRuleEditor *self = OUTLAY_RULE_EDITOR (object);

  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->count_source, g_source_remove);

  G_OBJECT_CLASS (outlay_rule_editor_parent_class)->dispose (object);
}

static void
outlay_rule_editor_finalize (GObject *object)
{
  OutlayRuleEditor *self = OUTLAY_RULE_EDITOR (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->reader);
  g_clear_object (&self->rule);
  g_clear_pointer (&self->pattern_rows, g_ptr_array_unref);
  g_clear_pointer (&self->currencies, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (outlay_rule_editor_parent_class)->finalize (object);
}

static void
outlay_rule_editor_class_init (OutlayRuleEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_rule_editor_dispose;
  object_class->finalize = outlay_rule_editor_finalize;

  /**
   * OutlayRuleEditor::saved:
   * @rule: the rule as stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, OUTLAY_TYPE_CATEGORY_RULE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
outlay_rule_editor_init (OutlayRuleEditor *self)
{
  self->pattern_rows = g_ptr_array_new ();
  self->currencies = g_ptr_array_new_with_free_func (g_free);
}

/**
 * outlay_rule_editor_new:
 * @parent: the window it is over
 * @reader: where the rule is tried against the ledger
 * @rule: (nullable): the rule to edit; %NULL for a new one
 *
 * Returns: (transfer none): the editor, shown
 */
OutlayRuleEditor *
outlay_rule_editor_new (GtkWindow          *parent,
                        OutlayRepository   *repository,
                        OutlayReader       *reader,
                        OutlayCategoryRule *rule)
{
  OutlayRuleEditor *self;

  g_return_val_if_fail (OUTLAY_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (OUTLAY_IS_READER (reader), NULL);
  g_return_val_if_fail (rule == NULL || OUTLAY_IS_CATEGORY_RULE (rule), NULL);

  self = g_object_new (OUTLAY_TYPE_RULE_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 480,
                       "default-height", 640,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->repository = g_object_ref (repository);
  self->reader = g_object_ref (reader);
  self->is_new = rule == NULL;
  if (rule != NULL)
    {
      self->rule = outlay_category_rule_copy (rule);
    }
  else
    {
      /* A new rule files under the first category offered. */
      self->rule = outlay_category_rule_new ();
    }
  build (self);

  return self;
}

/**
 * outlay_rule_editor_get_error:
 *
 * Returns: (nullable): why the last save was refused
 */
const char *
outlay_rule_editor_get_error (OutlayRuleEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_EDITOR (self), NULL);

  return self->error;
}

/**
 * outlay_rule_editor_get_row:
 * @name: "field", "match", "pattern" (the first), "add-pattern", "min",
 *   "max", "currency", "category", "rename", "save"
 *
 * Returns: (transfer none) (nullable): the row, for tests
 */
GtkWidget *
outlay_rule_editor_get_row (OutlayRuleEditor *self,
                            const char       *name)
{
  struct
  {
    const char *name;
    GtkWidget  *row;
  } rows[] = {
    { "field", self->field_row },
    { "match", self->match_row },
    { "add-pattern", self->add_pattern_button },
    { "min", self->min_row },
    { "max", self->max_row },
    { "currency", self->currency_row },
    { "category", self->category_row },
    { "rename", self->rename_row },
    { "save", self->save_button },
  };

  g_return_val_if_fail (OUTLAY_IS_RULE_EDITOR (self), NULL);

  if (g_str_equal (name, "pattern"))
    return g_ptr_array_index (self->pattern_rows, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, name))
      return rows[i].row;
  return NULL;
}

/**
 * outlay_rule_editor_add_pattern:
 * @text: what the new row says
 *
 * Adds a row of words, as "Add Another" does, for tests.
 */
void
outlay_rule_editor_add_pattern (OutlayRuleEditor *self,
                                const char       *text)
{
  g_return_if_fail (OUTLAY_IS_RULE_EDITOR (self));

  append_pattern (self, text);
  schedule_count (self);
}

/**
 * outlay_rule_editor_get_matches:
 *
 * Returns: what the editor says the rule matches: "Matches 37 expenses"
 */
const char *
outlay_rule_editor_get_matches (OutlayRuleEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_EDITOR (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->matches_label));
}

/**
 * outlay_rule_editor_is_counting:
 *
 * Returns: whether a count is waiting or running
 */
gboolean
outlay_rule_editor_is_counting (OutlayRuleEditor *self)
{
  g_return_val_if_fail (OUTLAY_IS_RULE_EDITOR (self), FALSE);

  return self->count_source != 0 || self->count_cancellable != NULL;
}
