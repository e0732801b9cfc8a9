/* outlay-toasts.c
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

/* The toasts the windows show alike: why a change was not made, which
 * stays until it is dismissed; and a change made, with its Undo. */

#include "config.h"

#include <glib/gi18n.h>

#include "outlay-toasts.h"

/**
 * outlay_toasts_new:
 * @text: what the toast says, plain text: a description such as “AT&T”
 *   stays as it is typed
 *
 * Returns: (transfer floating): a toast; libadwaita reads a toast's title
 *   as markup
 */
AdwToast *
outlay_toasts_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * outlay_toasts_add_error:
 * @message: why a change was not made
 *
 * Shows @message at once, before any other toast, until it is dismissed.
 */
void
outlay_toasts_add_error (AdwToastOverlay *overlay,
                         const char      *message)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (message != NULL);

  toast = outlay_toasts_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * outlay_toasts_add_undo:
 * @title: the change made
 * @action_name: what Undo activates
 * @shown: (inout) (nullable): a weak pointer to the toast that offered
 *   the last Undo, which goes: only the newest change can be taken back
 *
 * Shows @title with an Undo button.
 */
void
outlay_toasts_add_undo (AdwToastOverlay *overlay,
                        const char      *title,
                        const char      *action_name,
                        AdwToast       **shown)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (title != NULL && action_name != NULL && shown != NULL);

  toast = outlay_toasts_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action_name);
  if (*shown != NULL)
    adw_toast_dismiss (*shown);
  g_set_weak_pointer (shown, toast);
  adw_toast_overlay_add_toast (overlay, toast);
}
