/* outlay-fit-bin.h
 *
 * Copyright 2026 The Outlay authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OUTLAY_TYPE_FIT_BIN (outlay_fit_bin_get_type ())

G_DECLARE_FINAL_TYPE (OutlayFitBin, outlay_fit_bin, OUTLAY, FIT_BIN, AdwBin)

GtkWidget *outlay_fit_bin_new (void);

G_END_DECLS
