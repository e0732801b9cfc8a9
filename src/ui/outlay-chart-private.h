/* outlay-chart-private.h
 *
 * Copyright 2026 The Outlay authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How the charts walk their parts from the keyboard: the arrows step,
 * Home and End jump. Returns FALSE for a key that is not theirs, else the
 * part to highlight in @index (-1 for none). */
static inline gboolean
outlay_chart_step (guint keyval,
                   int   n_parts,
                   int  *index)
{
  if (n_parts == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      *index = *index < 0 ? n_parts - 1 : MAX (0, *index - 1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      *index = *index < 0 ? 0 : MIN (n_parts - 1, *index + 1);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      *index = 0;
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      *index = n_parts - 1;
      return TRUE;

    default:
      return FALSE;
    }
}

G_END_DECLS
