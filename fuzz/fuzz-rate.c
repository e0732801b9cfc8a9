/* fuzz-rate.c: any text as a rate, and conversions at it
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
#include <string.h>

#include <glib.h>

#include "outlay-rate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const gint64 amounts[] = {
  0, 1, 5, 99, 12345, 999999999999, G_GINT64_CONSTANT (4611686018427387904), G_MAXINT64,
};

/* A conversion at @rate rounds a refund to the opposite of the expense,
 * never shrinks a larger amount below a smaller one, and a sum of one
 * term is exactly that term. */
static void
check_conversion (const char       *from,
                  const char       *to,
                  const OutlayRate *rate,
                  gboolean          divide)
{
  OutlayConversion conversion;
  gint64           previous = 0;

  g_assert (outlay_conversion_init (&conversion, from, to));
  if (!(divide ? outlay_conversion_divide (&conversion, rate) : outlay_conversion_multiply (&conversion, rate)))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      OutlayConvertedSum sum;
      gint64             result = 0;
      gint64             negative = 0;
      gint64             summed = 0;

      if (!outlay_conversion_apply (&conversion, amounts[i], &result))
        {
          g_assert (!outlay_conversion_apply (&conversion, -amounts[i], &negative));
          break;
        }
      g_assert (result >= previous);
      previous = result;
      g_assert (outlay_conversion_apply (&conversion, -amounts[i], &negative));
      g_assert (negative == -result);

      outlay_converted_sum_init (&sum);
      if (outlay_converted_sum_add (&sum, &conversion, amounts[i]) && outlay_converted_sum_get (&sum, &summed))
        g_assert (summed == result);
    }
}

/* Any text either reads as a rate that writes back as the same number,
 * or fails with one OUTLAY_RATE_ERROR. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  g_autofree char *written = NULL;
  OutlayRate       rate = { 0, 0 };
  OutlayRate       again = { 0, 0 };

  if (!outlay_rate_parse (text, &rate, &error))
    {
      g_assert (error != NULL && error->domain == OUTLAY_RATE_ERROR);
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }

  g_assert (error == NULL);
  g_assert (rate.mantissa > 0 && rate.scale <= OUTLAY_RATE_MAX_SCALE);
  written = outlay_rate_to_string (&rate);
  g_assert (outlay_rate_parse (written, &again, NULL));
  g_assert (outlay_rate_equal (&rate, &again));

  check_conversion ("EUR", "JPY", &rate, FALSE);
  check_conversion ("JPY", "BHD", &rate, TRUE);
  check_conversion ("BHD", "USD", &rate, FALSE);
  return 0;
}
