/* outlay-rate.c: exchange rates as published, and exact conversions
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

#include <string.h>

#include <glib/gi18n-lib.h>

#include "outlay-currency.h"
#include "outlay-rate.h"

typedef unsigned __int128 u128;

/* Terms of a converted sum are kept in these parts of a minor unit, up
 * to SUM_LIMIT of them, which leaves room to add one more term without
 * wrapping. */
#define SUM_PARTS G_GUINT64_CONSTANT (1000000000)
#define SUM_LIMIT ((__int128) (FRACTION_MAX / 4))

/* The terms of a conversion stay below this, so that 2 * remainder and
 * the comparisons of the rounding cannot wrap. */
#define FRACTION_MAX (((u128) 1 << 127) - 1)

G_DEFINE_QUARK (outlay-rate-error-quark, outlay_rate_error)

static guint64
power_of_ten (guint exponent)
{
  guint64 power = 1;

  g_assert (exponent <= 19);
  while (exponent-- > 0)
    power *= 10;
  return power;
}

static u128
gcd (u128 a,
     u128 b)
{
  while (b != 0)
    {
      u128 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

/**
 * outlay_rate_normalize:
 * @text: a rate as a person typed it
 *
 * A point or, with no point, one comma marks the decimals ("0,9205" in
 * German); outlay_rate_parse() checks the rest. A comma followed by
 * three digits could as well group thousands ("1,350"): it stays, and
 * the text is no rate.
 *
 * Returns: (transfer full): @text without the spaces around it, with such
 *   a comma made a point
 */
char *
outlay_rate_normalize (const char *text)
{
  char *rate;
  char *comma;

  g_return_val_if_fail (text != NULL, NULL);

  rate = g_strstrip (g_strdup (text));
  comma = strchr (rate, ',');
  if (strchr (rate, '.') == NULL && comma != NULL && comma == strrchr (rate, ',') &&
      (strlen (comma + 1) != 3 || (comma - rate == 1 && rate[0] == '0')))
    *comma = '.';
  return rate;
}

/**
 * outlay_rate_parse:
 * @text: a rate as published, such as "1.0813"
 * @rate: (out) (optional): where to store it
 * @error: return location for an error
 *
 * Reads a decimal written with ASCII digits and a point, with a digit
 * before the point and after it, and nothing else but spaces around it:
 * no sign, no exponent, no group separator. The rate must be greater
 * than zero, with at most %OUTLAY_RATE_MAX_DIGITS significant digits and
 * %OUTLAY_RATE_MAX_SCALE decimals. Trailing zeros are kept in @rate.
 *
 * Returns: whether @text is a rate; @rate is left as it was when not
 */
gboolean
outlay_rate_parse (const char *text,
                   OutlayRate *rate,
                   GError    **error)
{
  const char *start;
  const char *end;
  const char *p;
  guint64     mantissa = 0;
  guint       digits = 0;
  guint       scale = 0;
  gboolean    after_point = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  start = text;
  while (is_space (*start))
    start++;
  end = start + strlen (start);
  while (end > start && is_space (end[-1]))
    end--;

  if (start == end)
    {
      g_set_error_literal (error, OUTLAY_RATE_ERROR, OUTLAY_RATE_ERROR_EMPTY, _("The rate is empty"));
      return FALSE;
    }

  if (*start == '-')
    {
      g_set_error_literal (error, OUTLAY_RATE_ERROR, OUTLAY_RATE_ERROR_NOT_POSITIVE,
                           _("A rate must be greater than zero"));
      return FALSE;
    }

  if (*start == '.')
    {
      g_set_error_literal (error, OUTLAY_RATE_ERROR, OUTLAY_RATE_ERROR_INVALID,
                           _("Write a digit before the point of a rate, such as 0.5"));
      return FALSE;
    }

  for (p = start; p < end; p++)
    {
      if (*p == '.' && !after_point && p + 1 < end)
        {
          after_point = TRUE;
          continue;
        }
      if (*p < '0' || *p > '9')
        break;

      if (after_point)
        scale++;
      if (digits > 0 || *p != '0')
        digits++;
      if (digits > OUTLAY_RATE_MAX_DIGITS)
        {
          g_set_error (error, OUTLAY_RATE_ERROR, OUTLAY_RATE_ERROR_TOO_PRECISE,
                       _("A rate can have at most %d significant digits"), OUTLAY_RATE_MAX_DIGITS);
          return FALSE;
        }
      mantissa = mantissa * 10 + (guint64) (*p - '0');
    }

  if (p < end)
    {
      g_autofree char *written = g_strndup (start, (gsize) (end - start));

      g_set_error (error, OUTLAY_RATE_ERROR, OUTLAY_RATE_ERROR_INVALID,
                   _("“%s” is not a rate; write it with digits and a point, such as 1.0813"), written);
      return FALSE;
    }

  if (scale > OUTLAY_RATE_MAX_SCALE)
    {
      g_set_error (error, OUTLAY_RATE_ERROR, OUTLAY_RATE_ERROR_TOO_PRECISE,
                   _("A rate can have at most %d decimals"), OUTLAY_RATE_MAX_SCALE);
      return FALSE;
    }

  if (mantissa == 0)
    {
      g_set_error_literal (error, OUTLAY_RATE_ERROR, OUTLAY_RATE_ERROR_NOT_POSITIVE,
                           _("A rate must be greater than zero"));
      return FALSE;
    }

  if (rate != NULL)
    {
      rate->mantissa = (gint64) mantissa;
      rate->scale = scale;
    }
  return TRUE;
}

/**
 * outlay_rate_to_string:
 * @rate: a rate
 *
 * Writes @rate without trailing zeros after the point, and without the
 * point when nothing follows it: "1.0813", "161.23", "1".
 *
 * Returns: (transfer full): the text
 */
char *
outlay_rate_to_string (const OutlayRate *rate)
{
  guint64  mantissa;
  guint    scale;
  char     digits[32];
  gsize    n_digits;
  GString *text;

  g_return_val_if_fail (rate != NULL, NULL);
  g_return_val_if_fail (rate->mantissa > 0 && rate->scale <= OUTLAY_RATE_MAX_SCALE, NULL);

  mantissa = (guint64) rate->mantissa;
  scale = rate->scale;
  while (scale > 0 && mantissa % 10 == 0)
    {
      mantissa /= 10;
      scale--;
    }

  n_digits = (gsize) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, mantissa);
  text = g_string_sized_new (n_digits + scale + 2);
  if (n_digits <= scale)
    {
      g_string_append (text, "0.");
      for (gsize i = n_digits; i < scale; i++)
        g_string_append_c (text, '0');
      g_string_append (text, digits);
    }
  else
    {
      g_string_append_len (text, digits, (gssize) (n_digits - scale));
      if (scale > 0)
        {
          g_string_append_c (text, '.');
          g_string_append (text, digits + n_digits - scale);
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * outlay_rate_equal:
 * @a: a rate
 * @b: another rate
 *
 * Returns: whether @a and @b are the same number, whatever their
 *   trailing zeros ("1.0" and "1" are equal)
 */
gboolean
outlay_rate_equal (const OutlayRate *a,
                   const OutlayRate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  g_return_val_if_fail (a->scale <= OUTLAY_RATE_MAX_SCALE && b->scale <= OUTLAY_RATE_MAX_SCALE, FALSE);

  return (u128) a->mantissa * power_of_ten (b->scale) == (u128) b->mantissa * power_of_ten (a->scale);
}

/* Multiplies the fraction by @num / @den, crossing out common factors
 * first; FALSE, the fraction unchanged, when a term would pass
 * FRACTION_MAX. */
static gboolean
scale_fraction (OutlayConversion *conversion,
                u128              num,
                u128              den)
{
  u128 g1 = gcd (num, conversion->den);
  u128 g2 = gcd (den, conversion->num);
  u128 new_num_a = conversion->num / g2;
  u128 new_num_b = num / g1;
  u128 new_den_a = conversion->den / g1;
  u128 new_den_b = den / g2;

  if (new_num_a > FRACTION_MAX / new_num_b || new_den_a > FRACTION_MAX / new_den_b)
    return FALSE;

  conversion->num = new_num_a * new_num_b;
  conversion->den = new_den_a * new_den_b;
  return TRUE;
}

/**
 * outlay_conversion_init:
 * @conversion: (out caller-allocates): the conversion to set up
 * @from_code: the currency converted from
 * @to_code: the currency converted to
 *
 * Sets @conversion to the identity between the minor units of two
 * currencies: 1 EUR (100 cents) is 1 of BHD (1000 fils) before any rate.
 * Then outlay_conversion_multiply() and outlay_conversion_divide() apply
 * the rates of the way from one to the other.
 *
 * Returns: whether both codes are currencies Outlay knows
 */
gboolean
outlay_conversion_init (OutlayConversion *conversion,
                        const char       *from_code,
                        const char       *to_code)
{
  const OutlayCurrency *from;
  const OutlayCurrency *to;
  u128                  g;

  g_return_val_if_fail (conversion != NULL, FALSE);
  g_return_val_if_fail (from_code != NULL && to_code != NULL, FALSE);

  from = outlay_currency_lookup (from_code);
  to = outlay_currency_lookup (to_code);
  if (from == NULL || to == NULL)
    return FALSE;

  conversion->num = power_of_ten (to->exponent);
  conversion->den = power_of_ten (from->exponent);
  g = gcd (conversion->num, conversion->den);
  conversion->num /= g;
  conversion->den /= g;
  return TRUE;
}

/**
 * outlay_conversion_multiply:
 * @conversion: a conversion
 * @rate: 1 unit of the currency converted so far is @rate units of the next
 *
 * Returns: FALSE, @conversion unchanged, when the fraction grows past 127
 *   bits (only chains of many long rates do)
 */
gboolean
outlay_conversion_multiply (OutlayConversion *conversion,
                            const OutlayRate *rate)
{
  g_return_val_if_fail (conversion != NULL && rate != NULL, FALSE);
  g_return_val_if_fail (rate->mantissa > 0 && rate->scale <= OUTLAY_RATE_MAX_SCALE, FALSE);

  return scale_fraction (conversion, (u128) rate->mantissa, power_of_ten (rate->scale));
}

/**
 * outlay_conversion_divide:
 * @conversion: a conversion
 * @rate: 1 unit of the next currency is @rate units of the one converted
 *   so far (USD to EUR by the ECB's "1 EUR = 1.0813 USD")
 *
 * Returns: FALSE, @conversion unchanged, when the fraction grows past 127
 *   bits
 */
gboolean
outlay_conversion_divide (OutlayConversion *conversion,
                          const OutlayRate *rate)
{
  g_return_val_if_fail (conversion != NULL && rate != NULL, FALSE);
  g_return_val_if_fail (rate->mantissa > 0 && rate->scale <= OUTLAY_RATE_MAX_SCALE, FALSE);

  return scale_fraction (conversion, power_of_ten (rate->scale), (u128) rate->mantissa);
}

/* @a * @b / @d for @d > 0 with a 192-bit product: the quotient in
 * @quotient and what remains in @remainder. FALSE when the quotient does
 * not fit 127 bits. */
static gboolean
multiply_divide (guint64 a,
                 u128    b,
                 u128    d,
                 u128   *quotient,
                 u128   *remainder)
{
  u128    low = (u128) a * (guint64) b;
  u128    high = (u128) a * (guint64) (b >> 64);
  u128    lo;
  guint64 hi;
  u128    q = 0;
  u128    r = 0;

  g_assert (d > 0 && d <= FRACTION_MAX);

  /* The product is hi:lo, 64 + 128 bits. */
  lo = low + (high << 64);
  hi = (guint64) (high >> 64) + (lo < low ? 1 : 0);

  if (hi == 0)
    {
      *quotient = lo / d;
      *remainder = lo % d;
      return *quotient <= FRACTION_MAX;
    }

  /* Long division, a bit at a time: r < d < 2^127, so r << 1 never wraps. */
  for (int bit = 191; bit >= 0; bit--)
    {
      guint next = bit >= 128 ? (guint) ((hi >> (bit - 128)) & 1) : (guint) ((lo >> bit) & 1);

      if (q > FRACTION_MAX / 2)
        return FALSE;
      r = (r << 1) | next;
      q <<= 1;
      if (r >= d)
        {
          r -= d;
          q |= 1;
        }
    }
  *quotient = q;
  *remainder = r;
  return TRUE;
}

static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
}

/**
 * outlay_conversion_apply:
 * @conversion: a conversion
 * @minor_from: an amount in minor units of the currency converted from
 * @minor_to: (out): the amount in minor units of the currency converted to
 *
 * Converts exactly and rounds once, half away from zero, so that a refund
 * converts to the opposite of the expense.
 *
 * Returns: FALSE, @minor_to unchanged, when the result does not fit a
 *   gint64
 */
gboolean
outlay_conversion_apply (const OutlayConversion *conversion,
                         gint64                  minor_from,
                         gint64                 *minor_to)
{
  u128 q;
  u128 r;

  g_return_val_if_fail (conversion != NULL && conversion->den > 0, FALSE);
  g_return_val_if_fail (minor_to != NULL, FALSE);

  if (!multiply_divide (magnitude (minor_from), conversion->num, conversion->den, &q, &r))
    return FALSE;
  if (r >= conversion->den - r)
    q++;
  if (q > (u128) G_MAXINT64)
    return FALSE;

  *minor_to = minor_from < 0 ? -(gint64) q : (gint64) q;
  return TRUE;
}

/* Adds @minor_from converted by @conversion to @total, in SUM_PARTS of a
 * minor unit, rounded half away from zero there; FALSE when the total
 * passes SUM_LIMIT. */
static gboolean
add_term (__int128               *total,
          const OutlayConversion *conversion,
          gint64                  minor_from)
{
  u128 q;
  u128 r;
  u128 parts;
  u128 parts_r;
  u128 term;

  if (!multiply_divide (magnitude (minor_from), conversion->num, conversion->den, &q, &r) ||
      !multiply_divide (SUM_PARTS, r, conversion->den, &parts, &parts_r) || q > (u128) SUM_LIMIT / SUM_PARTS)
    return FALSE;
  if (parts_r >= conversion->den - parts_r)
    parts++;
  term = q * SUM_PARTS + parts;

  if (minor_from < 0)
    *total -= (__int128) term;
  else
    *total += (__int128) term;
  return *total <= SUM_LIMIT && *total >= -SUM_LIMIT;
}

/* Rounds @total, in SUM_PARTS of a minor unit, half away from zero. */
static gboolean
round_total (__int128 total,
             gint64  *minor_to)
{
  u128 magnitude_parts = total < 0 ? (u128) -total : (u128) total;
  u128 whole = magnitude_parts / SUM_PARTS;
  u128 rest = magnitude_parts % SUM_PARTS;

  if (rest >= SUM_PARTS - rest)
    whole++;
  if (whole > (u128) G_MAXINT64)
    return FALSE;

  *minor_to = total < 0 ? -(gint64) whole : (gint64) whole;
  return TRUE;
}

static gboolean
conversion_equal (const OutlayConversion *a,
                  const OutlayConversion *b)
{
  return a->num == b->num && a->den == b->den;
}

/**
 * outlay_converted_sum_init:
 * @sum: (out caller-allocates): the sum to start
 *
 * Starts an empty sum.
 */
void
outlay_converted_sum_init (OutlayConvertedSum *sum)
{
  g_return_if_fail (sum != NULL);

  memset (sum, 0, sizeof *sum);
}

/**
 * outlay_converted_sum_add:
 * @sum: a sum
 * @conversion: how @minor_from converts to the sum's currency
 * @minor_from: an amount, negative for a refund
 *
 * Adds the converted amount to @sum without rounding it to a minor unit
 * (see #OutlayConvertedSum for the precision).
 *
 * Returns: FALSE when the sum no longer fits a gint64; it stays so
 */
gboolean
outlay_converted_sum_add (OutlayConvertedSum     *sum,
                          const OutlayConversion *conversion,
                          gint64                  minor_from)
{
  gint64 pending;
  gint64 converted;

  g_return_val_if_fail (sum != NULL && conversion != NULL && conversion->den > 0, FALSE);

  if (sum->overflow)
    return FALSE;

  if (sum->have_pending && conversion_equal (&sum->conversion, conversion) &&
      !__builtin_add_overflow (sum->pending, minor_from, &pending))
    {
      sum->pending = pending;
    }
  else
    {
      if (sum->have_pending && !add_term (&sum->total, &sum->conversion, sum->pending))
        sum->overflow = TRUE;
      sum->conversion = *conversion;
      sum->pending = minor_from;
      sum->have_pending = TRUE;
    }

  if (!sum->overflow && !outlay_conversion_apply (&sum->conversion, sum->pending, &converted))
    sum->overflow = TRUE;
  return !sum->overflow;
}

/**
 * outlay_converted_sum_get:
 * @sum: a sum
 * @minor_to: (out): the total in minor units, rounded once, half away
 *   from zero
 *
 * Returns: FALSE, @minor_to unchanged, when the total does not fit a gint64
 */
gboolean
outlay_converted_sum_get (const OutlayConvertedSum *sum,
                          gint64                   *minor_to)
{
  __int128 total;

  g_return_val_if_fail (sum != NULL && minor_to != NULL, FALSE);

  if (sum->overflow)
    return FALSE;
  if (!sum->have_pending)
    return round_total (sum->total, minor_to);
  /* One conversion so far: exact. */
  if (sum->total == 0)
    return outlay_conversion_apply (&sum->conversion, sum->pending, minor_to);

  total = sum->total;
  return add_term (&total, &sum->conversion, sum->pending) && round_total (total, minor_to);
}
