/* outlay-description-row.c
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

/* The description of an expense, with the earlier descriptions that start
 * as it does listed under it: Up and Down go through them, Enter or a
 * click picks one, Escape or leaving the row closes the list. Picking one
 * is the editor's to act on (it fills in the category and the amount as
 * well), through #OutlayDescriptionRow::suggestion-picked. */

#include "config.h"

#include "outlay-category-icon.h"
#include "outlay-description-row.h"
#include "outlay-money.h"

#define N_SUGGESTIONS 6

struct _OutlayDescriptionRow
{
  AdwEntryRow parent_instance;

  OutlayRepository *repository;
  GPtrArray        *suggestions; /* OutlaySuggestion, as the popover lists them */

  /* Template widgets */
  GtkPopover *suggestions_popover;
  GtkListBox *suggestions_list;
};

enum
{
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

enum
{
  SUGGESTION_PICKED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OutlayDescriptionRow, outlay_description_row, ADW_TYPE_ENTRY_ROW)

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static GtkWidget *
create_suggestion_row (OutlayDescriptionRow *self,
                       OutlaySuggestion     *suggestion)
{
  OutlayCategory  *category = outlay_repository_lookup_category (self->repository, suggestion->category_id);
  g_autofree char *amount = outlay_money_format_expense (suggestion->amount, suggestion->currency);
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget       *icon = outlay_category_icon_new ();
  GtkWidget       *label = gtk_label_new (suggestion->description);
  GtkWidget       *amount_label = gtk_label_new (amount != NULL ? amount : "");

  g_assert (OUTLAY_IS_REPOSITORY (self->repository));

  outlay_category_icon_set_size (OUTLAY_CATEGORY_ICON (icon), 24);
  outlay_category_icon_set_category (OUTLAY_CATEGORY_ICON (icon), category);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (amount_label, "dim-label");
  gtk_widget_add_css_class (amount_label, "numeric");
  gtk_box_append (GTK_BOX (box), amount_label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* The focus stays in the description while the list is open. */
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
pick_suggestion (OutlayDescriptionRow *self,
                 guint                 index)
{
  g_assert (self->suggestions != NULL && index < self->suggestions->len);

  g_signal_emit (self, signals[SUGGESTION_PICKED], 0, g_ptr_array_index (self->suggestions, index));
  outlay_description_row_hide_suggestions (self);
}

static void
move_suggestion (OutlayDescriptionRow *self,
                 int                   delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->suggestions_list);
  int            n = self->suggestions != NULL ? (int) self->suggestions->len : 0;
  int            index;
  GtkListBoxRow *row;

  if (n == 0)
    return;

  if (selected == NULL)
    index = delta > 0 ? 0 : n - 1;
  else
    index = CLAMP (gtk_list_box_row_get_index (selected) + delta, 0, n - 1);

  row = gtk_list_box_get_row_at_index (self->suggestions_list, index);
  gtk_list_box_select_row (self->suggestions_list, row);
}

static gboolean
on_key_pressed_cb (OutlayDescriptionRow *self,
                   guint                 keyval,
                   guint                 keycode,
                   GdkModifierType       state)
{
  GtkListBoxRow *selected;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestions_popover)))
    return GDK_EVENT_PROPAGATE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_suggestion (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_suggestion (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      selected = gtk_list_box_get_selected_row (self->suggestions_list);
      if (selected == NULL)
        return GDK_EVENT_PROPAGATE;
      pick_suggestion (self, gtk_list_box_row_get_index (selected));
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      outlay_description_row_hide_suggestions (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_focus_leave_cb (OutlayDescriptionRow *self)
{
  outlay_description_row_hide_suggestions (self);
}

static void
on_suggestion_activated_cb (OutlayDescriptionRow *self,
                            GtkListBoxRow        *row)
{
  pick_suggestion (self, gtk_list_box_row_get_index (row));
}

static void
outlay_description_row_unmap (GtkWidget *widget)
{
  outlay_description_row_hide_suggestions (OUTLAY_DESCRIPTION_ROW (widget));

  GTK_WIDGET_CLASS (outlay_description_row_parent_class)->unmap (widget);
}

static void
outlay_description_row_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  OutlayDescriptionRow *self = OUTLAY_DESCRIPTION_ROW (widget);

  GTK_WIDGET_CLASS (outlay_description_row_parent_class)->size_allocate (widget, width, height, baseline);

  if (gtk_widget_get_visible (GTK_WIDGET (self->suggestions_popover)))
    gtk_popover_present (self->suggestions_popover);
}

static void
outlay_description_row_dispose (GObject *object)
{
  OutlayDescriptionRow *self = OUTLAY_DESCRIPTION_ROW (object);

  if (self->suggestions_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->suggestions_popover));

  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_DESCRIPTION_ROW);

  g_clear_object (&self->repository);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  G_OBJECT_CLASS (outlay_description_row_parent_class)->dispose (object);
}

static void
outlay_description_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OutlayDescriptionRow *self = OUTLAY_DESCRIPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_description_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OutlayDescriptionRow *self = OUTLAY_DESCRIPTION_ROW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      outlay_description_row_set_repository (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_description_row_class_init (OutlayDescriptionRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_description_row_dispose;
  object_class->get_property = outlay_description_row_get_property;
  object_class->set_property = outlay_description_row_set_property;

  widget_class->unmap = outlay_description_row_unmap;
  widget_class->size_allocate = outlay_description_row_size_allocate;

  /**
   * OutlayDescriptionRow:repository:
   *
   * Where the earlier descriptions come from.
   */
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         OUTLAY_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OutlayDescriptionRow::suggestion-picked:
   * @suggestion: (type gpointer): the #OutlaySuggestion picked, valid
   *   during the emission
   *
   * The person picked an earlier description; the row's text is left to
   * the handler.
   */
  signals[SUGGESTION_PICKED] =
    g_signal_new ("suggestion-picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/outlay-description-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayDescriptionRow, suggestions_popover);
  gtk_widget_class_bind_template_child (widget_class, OutlayDescriptionRow, suggestions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_activated_cb);
}

static void
outlay_description_row_init (OutlayDescriptionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_parent (GTK_WIDGET (self->suggestions_popover), GTK_WIDGET (self));
}

/**
 * outlay_description_row_get_repository:
 *
 * Returns: (transfer none) (nullable): where the earlier descriptions come from
 */
OutlayRepository *
outlay_description_row_get_repository (OutlayDescriptionRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_DESCRIPTION_ROW (self), NULL);

  return self->repository;
}

void
outlay_description_row_set_repository (OutlayDescriptionRow *self,
                                       OutlayRepository     *repository)
{
  g_return_if_fail (OUTLAY_IS_DESCRIPTION_ROW (self));
  g_return_if_fail (repository == NULL || OUTLAY_IS_REPOSITORY (repository));

  if (g_set_object (&self->repository, repository))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
}

/**
 * outlay_description_row_update_suggestions:
 *
 * Lists the earlier descriptions that start as the text does, or hides
 * the list when there are none worth showing. The row does not do this
 * on every change of its text: a text set from code wants no list.
 */
void
outlay_description_row_update_suggestions (OutlayDescriptionRow *self)
{
  g_autofree char *prefix = NULL;
  g_autoptr (GPtrArray) found = NULL;
  GtkWidget *child;
  int        width;

  g_return_if_fail (OUTLAY_IS_DESCRIPTION_ROW (self));
  g_return_if_fail (OUTLAY_IS_REPOSITORY (self->repository));

  prefix = g_strchug (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (*prefix == '\0' || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      outlay_description_row_hide_suggestions (self);
      return;
    }

  found = outlay_repository_suggest_descriptions (self->repository, prefix, N_SUGGESTIONS, NULL);
  if (found == NULL || found->len == 0)
    {
      outlay_description_row_hide_suggestions (self);
      return;
    }

  /* Nothing to complete when the only one is what is typed already. */
  if (found->len == 1)
    {
      OutlaySuggestion *only = g_ptr_array_index (found, 0);

      if (g_strcmp0 (only->description, prefix) == 0)
        {
          outlay_description_row_hide_suggestions (self);
          return;
        }
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_list))) != NULL)
    gtk_list_box_remove (self->suggestions_list, child);

  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->suggestions_list,
                         create_suggestion_row (self, g_ptr_array_index (found, i)));

  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = g_steal_pointer (&found);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self->suggestions_list), MAX (width - 12, 0), -1);
  gtk_popover_popup (self->suggestions_popover);
}

void
outlay_description_row_hide_suggestions (OutlayDescriptionRow *self)
{
  g_return_if_fail (OUTLAY_IS_DESCRIPTION_ROW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->suggestions_popover)))
    gtk_popover_popdown (self->suggestions_popover);
}
