/* outlay-import-problem.h
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

#pragma once

#include <gio/gio.h>

#include "outlay-import.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_IMPORT_PROBLEM (outlay_import_problem_get_type ())

G_DECLARE_FINAL_TYPE (OutlayImportProblem, outlay_import_problem, OUTLAY, IMPORT_PROBLEM, GObject)

OutlayImportProblem  *outlay_import_problem_new (const OutlayImportIssue *issue);
OutlayImportIssueKind outlay_import_problem_get_kind (OutlayImportProblem *self);
const char           *outlay_import_problem_get_text (OutlayImportProblem *self);

G_END_DECLS
