/* main.c
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

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "outlay-cli.h"
#ifdef OUTLAY_HAVE_UI
#include "outlay-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command never initialises GTK, so it needs no display. */
  if (outlay_cli_handles (argc, argv))
    return outlay_cli_run (argc, argv);

#ifdef OUTLAY_HAVE_UI
  {
    g_autoptr (OutlayApplication) app = outlay_application_new ();

    g_application_set_option_context_parameter_string (G_APPLICATION (app), _("[COMMAND [ARGUMENT…]]"));
    g_application_set_option_context_description (G_APPLICATION (app), outlay_cli_get_overview ());

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  return outlay_cli_run (argc, argv);
#endif
}
