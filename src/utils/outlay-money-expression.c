/* outlay-money-expression.c
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

#include "outlay-money-private.h"

/* Nothing here uses floating point: literals are read digit by digit into
 * exact fractions, arithmetic is done on reduced fractions of checked
 * gint64s, and the result is rounded half-even to the currency's minor
 * unit only once, at the end. */

/* Parentheses and unary signs nest at most this deep. */
#define MAX_EXPRESSION_DEPTH 64

/* Which separator, if any, starts at @p; *len gets its length in bytes. */
static OutlayMoneySep
separator_at (const OutlayMoneyConventions *conv,
              const char                   *p,
              const char                   *end,
              gsize                        *len)
{
  gunichar c;

  if (conv->decimal_class == OUTLAY_MONEY_SEP_LOCALE_DECIMAL &&
      (gsize) (end - p) >= strlen (conv->decimal) &&
      strncmp (p, conv->decimal, strlen (conv->decimal)) == 0)
    {
      *len = strlen (conv->decimal);
      return OUTLAY_MONEY_SEP_LOCALE_DECIMAL;
    }

  if (conv->group_class == OUTLAY_MONEY_SEP_LOCALE_GROUP &&
      (gsize) (end - p) >= strlen (conv->group) &&
      strncmp (p, conv->group, strlen (conv->group)) == 0)
    {
      *len = strlen (conv->group);
      return OUTLAY_MONEY_SEP_LOCALE_GROUP;
    }

  c = g_utf8_get_char (p);
  *len = g_utf8_next_char (p) - p;

  return outlay_money_classify_char (c);
}

static gboolean
sep_can_be_decimal (OutlayMoneySep sep)
{
  return sep == OUTLAY_MONEY_SEP_DOT || sep == OUTLAY_MONEY_SEP_COMMA || sep == OUTLAY_MONEY_SEP_LOCALE_DECIMAL;
}

/* Exact fractions */

/* Always reduced, den > 0, and neither part is G_MININT64, so that negation
 * and ABS() are safe. */
typedef struct
{
  gint64 num;
  gint64 den;
} Rational;

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }

  return a;
}

/* The __builtin_*_overflow() checks are in GCC and Clang, the compilers
 * Outlay supports; they work for gint64 on every architecture, unlike
 * __int128. Each returns FALSE on overflow. */
static gboolean
rational_make (gint64    num,
               gint64    den,
               Rational *out)
{
  gint64 g;

  g_assert (den != 0);

  if (num == G_MININT64 || den == G_MININT64)
    return FALSE;

  if (den < 0)
    {
      num = -num;
      den = -den;
    }

  g = gcd64 (ABS (num), den);
  out->num = num / g;
  out->den = den / g;

  return TRUE;
}

static gboolean
rational_add (Rational  a,
              Rational  b,
              Rational *out)
{
  gint64 g = gcd64 (a.den, b.den);
  gint64 x, y, num, den;

  if (__builtin_mul_overflow (a.num, b.den / g, &x) ||
      __builtin_mul_overflow (b.num, a.den / g, &y) ||
      __builtin_add_overflow (x, y, &num) ||
      __builtin_mul_overflow (a.den, b.den / g, &den))
    return FALSE;

  return rational_make (num, den, out);
}

static gboolean
rational_mul (Rational  a,
              Rational  b,
              Rational *out)
{
  gint64 g1 = gcd64 (ABS (a.num), b.den);
  gint64 g2 = gcd64 (ABS (b.num), a.den);
  gint64 num, den;

  /* g1 and g2 are 0 only if a numerator and the other denominator are; a
   * denominator never is. */
  if (__builtin_mul_overflow (a.num / g1, b.num / g2, &num) ||
      __builtin_mul_overflow (a.den / g2, b.den / g1, &den))
    return FALSE;

  return rational_make (num, den, out);
}

static Rational
rational_negate (Rational a)
{
  a.num = -a.num;

  return a;
}

/* Rounds half to even to @exponent decimals, as minor units. Long division
 * one decimal at a time; the remainder's ten-fold is built by repeated
 * addition modulo the denominator so that nothing overflows however large
 * the denominator is. FALSE if the result exceeds OUTLAY_MONEY_MAX. */
static gboolean
rational_to_minor_units (Rational value,
                         guint    exponent,
                         gint64  *out)
{
  guint64 den = (guint64) value.den;
  guint64 magnitude = outlay_money_magnitude_of (value.num);
  guint64 result = magnitude / den;
  guint64 rest = magnitude % den;

  for (guint i = 0; i < exponent; i++)
    {
      guint64 digit = 0;
      guint64 acc = 0;

      for (guint k = 0; k < 10; k++)
        {
          if (acc >= den - rest)
            {
              acc -= den - rest;
              digit++;
            }
          else
            {
              acc += rest;
            }
        }

      if (__builtin_mul_overflow (result, 10, &result) ||
          __builtin_add_overflow (result, digit, &result))
        return FALSE;

      rest = acc;
    }

  /* rest/den is the discarded fraction of a minor unit; compare it with
   * one half without computing 2 * rest. */
  if (rest > den - rest || (rest == den - rest && (result & 1) != 0))
    result++;

  if (result > (guint64) OUTLAY_MONEY_MAX)
    return FALSE;

  *out = value.num < 0 ? -(gint64) result : (gint64) result;

  return TRUE;
}

/* Tokens */

static void
set_malformed (GError    **error,
               const char *start,
               gsize       len)
{
  g_autofree char *text = g_strndup (start, len);

  g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
               _("“%s” is not a well-formed number: after a thousands separator come groups of exactly three digits"),
                  text);
}

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_PLUS,
  TOKEN_MINUS,
  TOKEN_TIMES,
  TOKEN_DIVIDE,
  TOKEN_OPEN,
  TOKEN_CLOSE,
} TokenType;

typedef struct
{
  TokenType   type;
  Rational    value;       /* numbers only */
  guint       decimals;    /* numbers only: digits written after the decimal mark */
  guint       significant; /* numbers only: those decimals but trailing zeros */
  const char *start;       /* in the input, for messages; NULL for an implied sign */
  gsize       len;
} Token;

typedef struct
{
  const char    *digits;
  gsize          n_digits;
  OutlayMoneySep sep_before;
} NumberPart;

/* Decides which separator of a number is the decimal mark and which the
 * grouping mark (see outlay_money_parse()), and checks the grouping.
 * Returns the index of the part after the decimal mark, or n_parts if
 * there is none, or -1 with @error set. */
static int
find_decimal_part (const OutlayMoneyConventions *conv,
                   const NumberPart             *parts,
                   guint                         n_parts,
                   const char                   *start,
                   gsize                         len,
                   GError                      **error)
{
  guint          counts[OUTLAY_MONEY_N_SEPS] = { 0 };
  guint          n_decimal_classes = 0;
  guint          n_group_only_classes = 0;
  OutlayMoneySep last_decimal_capable = OUTLAY_MONEY_SEP_NONE;
  OutlayMoneySep decimal = OUTLAY_MONEY_SEP_NONE;
  guint          int_end;

  for (guint i = 1; i < n_parts; i++)
    {
      OutlayMoneySep sep = parts[i].sep_before;

      if (counts[sep]++ == 0)
        {
          if (sep_can_be_decimal (sep))
            n_decimal_classes++;
          else
            n_group_only_classes++;
        }

      if (sep_can_be_decimal (sep))
        last_decimal_capable = sep;
    }

  if (conv->strict)
    {
      /* The file names its decimal mark; every other mark groups. */
      n_decimal_classes = counts[conv->decimal_class] > 0 ? 1 : 0;
      n_group_only_classes = 0;
      for (guint sep = OUTLAY_MONEY_SEP_DOT; sep < OUTLAY_MONEY_N_SEPS; sep++)
        n_group_only_classes += sep != conv->decimal_class && counts[sep] > 0;
    }

  if (n_decimal_classes > 2 || n_group_only_classes > 1 ||
      (n_decimal_classes == 2 && n_group_only_classes > 0))
    {
      g_autofree char *text = g_strndup (start, len);

      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("“%s” mixes different thousands separators"), text);
      return -1;
    }

  if (conv->strict)
    {
      if (n_decimal_classes == 1)
        decimal = conv->decimal_class;
    }
  else if (n_decimal_classes == 2)
    {
      /* "1.234,50", "1,234.50": the last mark is the decimal one. */
      decimal = last_decimal_capable;
    }
  else if (n_decimal_classes == 1 && n_group_only_classes == 1)
    {
      /* "1 234,50" */
      decimal = last_decimal_capable;
    }
  else if (n_decimal_classes == 1 && counts[last_decimal_capable] > 1)
    {
      /* "1,234,567": repeated marks group; the locale's own decimal mark
       * (when it is neither "." nor ",") never does. */
      if (last_decimal_capable == OUTLAY_MONEY_SEP_LOCALE_DECIMAL)
        decimal = OUTLAY_MONEY_SEP_LOCALE_DECIMAL;
    }
  else if (n_decimal_classes == 1)
    {
      OutlayMoneySep sep = last_decimal_capable;
      gboolean       could_group = sep != OUTLAY_MONEY_SEP_LOCALE_DECIMAL &&
                             parts[1].n_digits == 3 &&
                             parts[0].n_digits >= 1 && parts[0].n_digits <= 3 &&
                             parts[0].digits[0] != '0';

      /* One mark followed by exactly three digits: "1,234", "1.234". */
      if (!could_group)
        {
          decimal = sep;
        }
      else if (sep == conv->group_class)
        {
          decimal = OUTLAY_MONEY_SEP_NONE;
        }
      else if (sep == conv->decimal_class)
        {
          decimal = sep;
        }
      else
        {
          g_autofree char *text = g_strndup (start, len);
          g_autofree char *mark = g_strndup (parts[1].digits - 1, 1);

          g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_AMBIGUOUS,
                       _("In “%s” it is unclear whether “%s” separates thousands or decimals; write the decimals "
                         "after “%s”, or leave out the thousands separator"),
                       text, mark, conv->decimal);
          return -1;
        }
    }

  if (decimal != OUTLAY_MONEY_SEP_NONE)
    {
      if (counts[decimal] > 1)
        {
          g_autofree char *text = g_strndup (start, len);

          g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                       _("“%s” has more than one decimal mark"), text);
          return -1;
        }

      if (parts[n_parts - 1].sep_before != decimal)
        {
          set_malformed (error, start, len);
          return -1;
        }

      int_end = n_parts - 1;
    }
  else
    {
      int_end = n_parts;
    }

  if (int_end > 1)
    {
      gboolean ok = parts[0].n_digits >= 1 && parts[0].n_digits <= 3 &&
                    parts[0].digits[0] != '0';

      for (guint i = 1; i < int_end; i++)
        ok = ok && parts[i].n_digits == 3;

      if (!ok)
        {
          set_malformed (error, start, len);
          return -1;
        }
    }

  return (int) int_end;
}

/* Reads the number at *pp into @token. A number is digits with separators
 * between them; "." and "," may also lead or trail (".5", "5."), spaces and
 * apostrophes only sit between digits. */
static gboolean
lex_number (const OutlayMoneyConventions *conv,
            const OutlayCurrency         *currency,
            const char                  **pp,
            const char                   *end,
            Token                        *token,
            GError                      **error)
{
  g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (NumberPart));
  NumberPart        part = { *pp, 0, OUTLAY_MONEY_SEP_NONE };
  const char       *start = *pp;
  const char       *p = *pp;
  gboolean          after_digit = FALSE;
  const NumberPart *all;
  int               decimal_part;
  gint64            num = 0;
  gsize             len;

  while (p < end)
    {
      OutlayMoneySep sep;
      gsize          sep_len;
      gboolean       before_digit;

      if (g_ascii_isdigit (*p))
        {
          part.n_digits++;
          after_digit = TRUE;
          p++;
          continue;
        }

      sep = separator_at (conv, p, end, &sep_len);
      if (sep == OUTLAY_MONEY_SEP_NONE)
        break;

      before_digit = p + sep_len < end && g_ascii_isdigit (p[sep_len]);
      if (sep_can_be_decimal (sep) ? !(after_digit || before_digit) : !(after_digit && before_digit))
        break;

      g_array_append_val (parts, part);
      part.digits = p + sep_len;
      part.n_digits = 0;
      part.sep_before = sep;
      after_digit = FALSE;
      p += sep_len;
    }

  g_array_append_val (parts, part);
  len = p - start;
  *pp = p;

  all = (const NumberPart *) (gpointer) parts->data;
  decimal_part = find_decimal_part (conv, all, parts->len, start, len, error);
  if (decimal_part < 0)
    return FALSE;

  token->type = TOKEN_NUMBER;
  token->start = start;
  token->len = len;
  token->decimals = (guint) decimal_part < parts->len ? all[decimal_part].n_digits : 0;
  token->significant = token->decimals;
  while (token->significant > 0 && all[decimal_part].digits[token->significant - 1] == '0')
    token->significant--;
  token->value.num = 0;
  token->value.den = 1;

  for (guint i = 0; i < parts->len; i++)
    {
      const NumberPart *np = &all[i];
      gsize             n_digits = (int) i == decimal_part ? token->significant : np->n_digits;

      /* Decimals beyond what a calculation allows are reported later,
       * when it is known whether this number stands alone. */
      if ((int) i == decimal_part && n_digits > OUTLAY_MONEY_MAX_EXPRESSION_DECIMALS)
        return TRUE;

      for (gsize k = 0; k < n_digits; k++)
        {
          if (__builtin_mul_overflow (num, 10, &num) ||
              __builtin_add_overflow (num, np->digits[k] - '0', &num))
            {
              outlay_money_set_out_of_range (error, currency);
              return FALSE;
            }
        }
    }

  if (!rational_make (num, (gint64) outlay_money_power_of_ten (token->significant), &token->value))
    {
      outlay_money_set_out_of_range (error, currency);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_operator_char (gunichar c)
{
  return c == '+' || outlay_money_is_minus (c) || c == '*' || c == 0x00D7 ||
         c == '/' || c == 0x00F7 || c == '(' || c == ')';
}

GArray *
outlay_money_tokenize (const OutlayMoneyConventions *conv,
                       const OutlayCurrency         *currency,
                       const char                   *p,
                       const char                   *end,
                       gboolean                      leading_minus,
                       GError                      **error)
{
  g_autoptr (GArray) tokens = g_array_new (FALSE, TRUE, sizeof (Token));

  if (leading_minus)
    {
      Token token = { TOKEN_MINUS, { 0, 1 }, 0, 0, NULL, 0 };

      g_array_append_val (tokens, token);
    }

  while (p < end)
    {
      gunichar    c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      Token       token = { TOKEN_NUMBER, { 0, 1 }, 0, 0, p, next - p };
      gsize       sep_len;

      if (g_unichar_isspace (c))
        {
          p = next;
          continue;
        }

      if (g_ascii_isdigit (*p) ||
          (sep_can_be_decimal (separator_at (conv, p, end, &sep_len)) &&
           p + sep_len < end && g_ascii_isdigit (p[sep_len])))
        {
          if (!lex_number (conv, currency, &p, end, &token, error))
            return NULL;
          g_assert (p > token.start);
          g_array_append_val (tokens, token);
          continue;
        }

      if (c == '+')
        token.type = TOKEN_PLUS;
      else if (outlay_money_is_minus (c))
        token.type = TOKEN_MINUS;
      else if (c == '*' || c == 0x00D7)
        token.type = TOKEN_TIMES;
      else if (c == '/' || c == 0x00F7)
        token.type = TOKEN_DIVIDE;
      else if (c == '(')
        token.type = TOKEN_OPEN;
      else if (c == ')')
        token.type = TOKEN_CLOSE;
      else
        {
          const char      *q = p;
          g_autofree char *text = NULL;

          /* Quote the whole run of stray characters: "abc", "e", "XYZ". */
          while (q < end)
            {
              gunichar d = g_utf8_get_char (q);

              if (g_unichar_isspace (d) || g_ascii_isdigit (*q) ||
                  is_operator_char (d) || d == '.' || d == ',')
                break;
              q = g_utf8_next_char (q);
            }

          text = g_strndup (p, MAX (q - p, next - p));
          g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                       _("“%s” is not allowed in an amount"), text);
          return NULL;
        }

      g_array_append_val (tokens, token);
      p = next;
    }

  return g_steal_pointer (&tokens);
}

/* Expression parser: recursive descent with the usual precedence.
 *
 *   expr    = term { ("+" | "-") term }
 *   term    = unary { ("*" | "×" | "/" | "÷") unary }
 *   unary   = ("+" | "-") unary | primary
 *   primary = number | "(" expr ")"
 */

typedef struct
{
  const Token          *tokens;
  guint                 n_tokens;
  guint                 pos;
  guint                 depth;
  const OutlayCurrency *currency;
  GError              **error;
} Parser;

static gboolean parse_expr (Parser   *parser,
                            Rational *out);

static const Token *
peek (Parser *parser)
{
  return parser->pos < parser->n_tokens ? &parser->tokens[parser->pos] : NULL;
}

static gboolean
fail_unexpected (Parser *parser)
{
  const Token *token = peek (parser);

  if (token == NULL)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("The calculation is incomplete"));
    }
  else if (token->type == TOKEN_NUMBER || token->type == TOKEN_OPEN)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("An operator such as “+” is missing in the calculation"));
    }
  else if (token->type == TOKEN_CLOSE)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("A “)” has no matching “(”"));
    }
  else
    {
      g_autofree char *text = g_strndup (token->start, token->len);

      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("“%s” is out of place in the calculation"), text);
    }

  return FALSE;
}

static gboolean
fail_out_of_range (Parser *parser)
{
  outlay_money_set_out_of_range (parser->error, parser->currency);
  return FALSE;
}

static gboolean
enter (Parser *parser)
{
  if (++parser->depth > MAX_EXPRESSION_DEPTH)
    {
      g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("The calculation is nested too deeply"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_primary (Parser   *parser,
               Rational *out)
{
  const Token *token = peek (parser);

  if (token != NULL && token->type == TOKEN_NUMBER)
    {
      *out = token->value;
      parser->pos++;
      return TRUE;
    }

  if (token != NULL && token->type == TOKEN_OPEN)
    {
      parser->pos++;
      if (!enter (parser) || !parse_expr (parser, out))
        return FALSE;
      parser->depth--;

      token = peek (parser);
      if (token == NULL || token->type != TOKEN_CLOSE)
        {
          g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                       _("A “(” is not closed"));
          return FALSE;
        }
      parser->pos++;
      return TRUE;
    }

  return fail_unexpected (parser);
}

static gboolean
parse_unary (Parser   *parser,
             Rational *out)
{
  const Token *token = peek (parser);

  if (token != NULL && (token->type == TOKEN_PLUS || token->type == TOKEN_MINUS))
    {
      parser->pos++;
      if (!enter (parser) || !parse_unary (parser, out))
        return FALSE;
      parser->depth--;

      if (token->type == TOKEN_MINUS)
        *out = rational_negate (*out);
      return TRUE;
    }

  return parse_primary (parser, out);
}

static gboolean
parse_term (Parser   *parser,
            Rational *out)
{
  const Token *token;

  if (!parse_unary (parser, out))
    return FALSE;

  while ((token = peek (parser)) != NULL &&
         (token->type == TOKEN_TIMES || token->type == TOKEN_DIVIDE))
    {
      Rational rhs;

      parser->pos++;
      if (!parse_unary (parser, &rhs))
        return FALSE;

      if (token->type == TOKEN_DIVIDE)
        {
          if (rhs.num == 0)
            {
              g_set_error (parser->error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_DIVISION_BY_ZERO,
                           _("The calculation divides by zero"));
              return FALSE;
            }

          /* The reciprocal; both parts are within range already. */
          rhs = (Rational){ rhs.num < 0 ? -rhs.den : rhs.den, ABS (rhs.num) };
        }

      if (!rational_mul (*out, rhs, out))
        return fail_out_of_range (parser);
    }

  return TRUE;
}

static gboolean
parse_expr (Parser   *parser,
            Rational *out)
{
  const Token *token;

  if (!parse_term (parser, out))
    return FALSE;

  while ((token = peek (parser)) != NULL &&
         (token->type == TOKEN_PLUS || token->type == TOKEN_MINUS))
    {
      Rational rhs;

      parser->pos++;
      if (!parse_term (parser, &rhs))
        return FALSE;

      if (token->type == TOKEN_MINUS)
        rhs = rational_negate (rhs);

      if (!rational_add (*out, rhs, out))
        return fail_out_of_range (parser);
    }

  return TRUE;
}

/**
 * outlay_money_evaluate:
 * @tokens: what outlay_money_tokenize() read
 *
 * Computes the calculation exactly and rounds it half to even to the
 * currency's minor unit. A lone number may have at most the currency's
 * decimals, trailing zeros included; numbers in a calculation six.
 */
gboolean
outlay_money_evaluate (GArray               *tokens,
                       const OutlayCurrency *currency,
                       gint64               *minor_units,
                       GError              **error)
{
  guint    n_numbers = 0;
  gboolean single_number;
  Parser   parser;
  Rational value;
  gint64   result;

  g_assert (tokens != NULL);
  g_assert (currency != NULL);

  for (guint i = 0; i < tokens->len; i++)
    if (g_array_index (tokens, Token, i).type == TOKEN_NUMBER)
      n_numbers++;
  single_number = n_numbers == 1;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (token->type != TOKEN_NUMBER)
        continue;

      if (single_number && token->decimals > currency->exponent)
        {
          outlay_money_set_too_precise (error, currency, FALSE);
          return FALSE;
        }

      if (!single_number && token->decimals > OUTLAY_MONEY_MAX_EXPRESSION_DECIMALS)
        {
          outlay_money_set_too_precise (error, currency, TRUE);
          return FALSE;
        }
    }

  parser = (Parser){
    (const Token *) (gpointer) tokens->data, tokens->len, 0, 0, currency, error
  };

  if (!parse_expr (&parser, &value))
    return FALSE;

  if (parser.pos < parser.n_tokens)
    return fail_unexpected (&parser);

  if (!rational_to_minor_units (value, currency->exponent, &result))
    {
      outlay_money_set_out_of_range (error, currency);
      return FALSE;
    }

  *minor_units = result;

  return TRUE;
}

/**
 * outlay_money_read_number:
 * @tokens: what outlay_money_tokenize() read
 *
 * The magnitude of the one number in @tokens. Zeros after the decimals
 * change nothing: a file writes "1500.00" for yen when all its amounts
 * have two decimals.
 */
gboolean
outlay_money_read_number (GArray               *tokens,
                          const OutlayCurrency *currency,
                          const char           *text,
                          gint64               *minor_units,
                          GError              **error)
{
  const Token *token;

  g_assert (tokens != NULL);
  g_assert (currency != NULL);

  token = tokens->len == 1 ? &g_array_index (tokens, Token, 0) : NULL;
  if (token == NULL || token->type != TOKEN_NUMBER)
    {
      g_set_error (error, OUTLAY_MONEY_ERROR, OUTLAY_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount."), text);
      return FALSE;
    }

  if (token->significant > currency->exponent)
    {
      outlay_money_set_too_precise (error, currency, FALSE);
      return FALSE;
    }

  if (!rational_to_minor_units (token->value, currency->exponent, minor_units))
    {
      outlay_money_set_out_of_range (error, currency);
      return FALSE;
    }

  return TRUE;
}
