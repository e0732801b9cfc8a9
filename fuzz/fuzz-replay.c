/* fuzz-replay.c: runs a libFuzzer harness over saved inputs
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

#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Every file of every folder on the command line is one input, fed to the
 * harness exactly as libFuzzer would. A crash, a sanitizer report or a
 * critical warning (fatal in the test environment) fails the test. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (name[0] != '.')
            g_ptr_array_add (paths, g_build_filename (argv[i], name, NULL));
        }
    }

  g_ptr_array_sort (paths, compare_paths);
  if (paths->len == 0)
    {
      g_print ("1..0 # SKIP no saved inputs\n");
      return EXIT_SUCCESS;
    }

  g_print ("1..%u\n", paths->len);
  for (guint i = 0; i < paths->len; i++)
    {
      const char      *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      g_autoptr (GError) error = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          g_print ("not ok %u %s # %s\n", i + 1, path, error->message);
          return EXIT_FAILURE;
        }

      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      g_print ("ok %u %s\n", i + 1, path);
    }

  return EXIT_SUCCESS;
}
