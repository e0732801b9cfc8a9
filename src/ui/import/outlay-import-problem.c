/* outlay-import-problem.c
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

/* One line of a file that is not imported, as the problem lists show it:
 * an item of the list model behind the list of them all. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-import-problem.h"

struct _OutlayImportProblem
{
  GObject               parent_instance;
  OutlayImportIssueKind kind;
  char                 *text;
};

G_DEFINE_FINAL_TYPE (OutlayImportProblem, outlay_import_problem, G_TYPE_OBJECT)

static void
outlay_import_problem_finalize (GObject *object)
{
  g_free (OUTLAY_IMPORT_PROBLEM (object)->text);

  G_OBJECT_CLASS (outlay_import_problem_parent_class)->finalize (object);
}

static void
outlay_import_problem_class_init (OutlayImportProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = outlay_import_problem_finalize;
}

static void
outlay_import_problem_init (OutlayImportProblem *self)
{
}

/**
 * outlay_import_problem_new:
 * @issue: a line the import leaves out, and why
 *
 * Returns: (transfer full): the problem, its text led by the line number
 */
OutlayImportProblem *
outlay_import_problem_new (const OutlayImportIssue *issue)
{
  OutlayImportProblem *self;

  g_return_val_if_fail (issue != NULL, NULL);

  self = g_object_new (OUTLAY_TYPE_IMPORT_PROBLEM, NULL);
  self->kind = issue->kind;
  self->text = issue->line > 0
                 /* Translators: a line of the file that is not imported, and why */
                 ? g_strdup_printf (_("Line %u — %s"), issue->line, issue->message)
                 : g_strdup (issue->message);

  return self;
}

OutlayImportIssueKind
outlay_import_problem_get_kind (OutlayImportProblem *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_PROBLEM (self), OUTLAY_IMPORT_ISSUE_ERROR);

  return self->kind;
}

const char *
outlay_import_problem_get_text (OutlayImportProblem *self)
{
  g_return_val_if_fail (OUTLAY_IS_IMPORT_PROBLEM (self), NULL);

  return self->text;
}
