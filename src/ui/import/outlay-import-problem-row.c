/* outlay-import-problem-row.c
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

/* A line of the file that is not imported, with an icon for why: errors
 * stand out, lines that are simply not expenses are dimmed. The overview
 * shows the first few in a list box, the problems page all of them in a
 * list view. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-import-problem-row.h"

struct _OutlayImportProblemRow
{
  GtkBox parent_instance;

  OutlayImportProblem *problem;

  /* Template widgets */
  GtkImage *icon;
  GtkLabel *label;
};

enum
{
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OutlayImportProblemRow, outlay_import_problem_row, GTK_TYPE_BOX)

static void
show_problem (OutlayImportProblemRow *self)
{
  gboolean    error;
  const char *reason;

  g_assert (OUTLAY_IS_IMPORT_PROBLEM_ROW (self));

  if (self->problem == NULL)
    {
      gtk_label_set_text (self->label, "");
      return;
    }

  error = outlay_import_problem_get_kind (self->problem) == OUTLAY_IMPORT_ISSUE_ERROR;
  reason = error ? _("Cannot be read") : _("Not an expense");
  gtk_image_set_from_icon_name (self->icon, error ? "dialog-error-symbolic" : "action-unavailable-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->icon), reason);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "error");
  gtk_label_set_text (self->label, outlay_import_problem_get_text (self->problem));
  /* What the icon shows, for a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
  if (error)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
}

static void
outlay_import_problem_row_dispose (GObject *object)
{
  OutlayImportProblemRow *self = OUTLAY_IMPORT_PROBLEM_ROW (object);

  g_clear_object (&self->problem);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUTLAY_TYPE_IMPORT_PROBLEM_ROW);

  G_OBJECT_CLASS (outlay_import_problem_row_parent_class)->dispose (object);
}

static void
outlay_import_problem_row_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  OutlayImportProblemRow *self = OUTLAY_IMPORT_PROBLEM_ROW (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_object (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_import_problem_row_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  OutlayImportProblemRow *self = OUTLAY_IMPORT_PROBLEM_ROW (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      outlay_import_problem_row_set_problem (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
outlay_import_problem_row_class_init (OutlayImportProblemRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = outlay_import_problem_row_dispose;
  object_class->get_property = outlay_import_problem_row_get_property;
  object_class->set_property = outlay_import_problem_row_set_property;

  properties[PROP_PROBLEM] =
    g_param_spec_object ("problem", NULL, NULL,
                         OUTLAY_TYPE_IMPORT_PROBLEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/import/outlay-import-problem-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OutlayImportProblemRow, icon);
  gtk_widget_class_bind_template_child (widget_class, OutlayImportProblemRow, label);
}

static void
outlay_import_problem_row_init (OutlayImportProblemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
outlay_import_problem_row_new (void)
{
  return g_object_new (OUTLAY_TYPE_IMPORT_PROBLEM_ROW, NULL);
}

/**
 * outlay_import_problem_row_get_problem:
 *
 * Returns: (transfer none) (nullable): the problem the row shows
 */
OutlayImportProblem *
outlay_import_problem_row_get_problem (OutlayImportProblemRow *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_PROBLEM_ROW (self), NULL);

  return self->problem;
}

void
outlay_import_problem_row_set_problem (OutlayImportProblemRow *self,
                                       OutlayImportProblem    *problem)
{
  g_return_if_fail (OUTLAY_IS_IMPORT_PROBLEM_ROW (self));
  g_return_if_fail (problem == NULL || OUTLAY_IS_IMPORT_PROBLEM (problem));

  if (!g_set_object (&self->problem, problem))
    return;

  show_problem (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}
