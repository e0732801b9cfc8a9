/* outlay-preferences-window.h
 *
 * Copyright 2026 The Outlay authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "outlay-application.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_PREFERENCES_WINDOW (outlay_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (OutlayPreferencesWindow, outlay_preferences_window, OUTLAY, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *outlay_preferences_window_new (OutlayApplication *application);

G_END_DECLS
