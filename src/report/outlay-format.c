/* outlay-format.c
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

/* Dates as people read them, in their language. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <math.h>

#include "outlay-format.h"
#include "outlay-money.h"
#include "outlay-repository.h"
#include "outlay-period.h"

/**
 * outlay_format_date_with:
 * @format: a translated strftime() format
 *
 * Returns: (transfer full): @date in @format, or as `YYYY-MM-DD` when the
 *   result would not fit
 */
char *
outlay_format_date_with (const GDate *date,
                         const char  *format)
{
  char buf[128];

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return outlay_date_format_iso (date);

  return g_strdup (buf);
}

/**
 * outlay_format_day:
 * @iso_date: a day as `YYYY-MM-DD`
 * @today: the day to count from
 *
 * Returns: (transfer full): “Monday 23 November”, or with the year when it
 *   is not this year's
 */
char *
outlay_format_day (const char  *iso_date,
                   const GDate *today)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (iso_date);

  if (date == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  if (g_date_get_year (date) == g_date_get_year (today))
    /* Translators: a day heading in the list, see strftime(3); e.g. "Monday 23 November" */
    return outlay_format_date_with (date, _("%A %-d %B"));

  /* Translators: a day heading of another year, see strftime(3); e.g. "Monday 23 November 2025" */
  return outlay_format_date_with (date, _("%A %-d %B %Y"));
}

/**
 * outlay_format_day_heading:
 * @iso_date: a day as `YYYY-MM-DD`
 * @today: the day to count from
 *
 * Returns: (transfer full): “Today”, “Yesterday”, or the day as
 *   outlay_format_day() writes it
 */
char *
outlay_format_day_heading (const char  *iso_date,
                           const GDate *today)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (iso_date);
  int days;

  if (date == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  days = g_date_days_between (date, today);
  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));

  return outlay_format_day (iso_date, today);
}

/**
 * outlay_format_day_ahead:
 * @date: a day, today or later
 * @today: the day to count from
 *
 * Returns: (transfer full): “Today”, “Tomorrow”, the weekday within the
 *   week ahead (“Friday”), else the day in short, “Mon 14 June”, with the
 *   year when it is not this year's
 */
char *
outlay_format_day_ahead (const GDate *date,
                         const GDate *today)
{
  int days = g_date_days_between (today, date);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    /* Translators: the day after today, when something is due */
    return g_strdup (_("Tomorrow"));
  if (days > 1 && days < 7)
    /* Translators: a day of the week ahead, see strftime(3); e.g. "Friday" */
    return outlay_format_date_with (date, _("%A"));
  if (g_date_get_year (date) == g_date_get_year (today))
    /* Translators: a day further ahead, see strftime(3); e.g. "Mon 14 June" */
    return outlay_format_date_with (date, _("%a %-d %B"));
  /* Translators: a day ahead in another year, see strftime(3); e.g. "Mon 4 January 2027" */
  return outlay_format_date_with (date, _("%a %-d %B %Y"));
}

/**
 * outlay_format_date:
 *
 * Returns: (transfer full): a day in a short form, such as “23 Nov 2026”
 */
char *
outlay_format_date (const char *iso_date)
{
  g_autoptr (GDate) date = outlay_date_parse_iso (iso_date);

  if (date == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  /* Translators: a short date, see strftime(3); e.g. "23 Nov 2026" */
  return outlay_format_date_with (date, _("%-d %b %Y"));
}

/**
 * outlay_format_month:
 * @iso_month: a month as `YYYY-MM`
 *
 * Returns: (transfer full): the month's name and year, such as “November 2026”
 */
char *
outlay_format_month (const char *iso_month)
{
  g_autofree char *day = g_strconcat (iso_month != NULL ? iso_month : "", "-01", NULL);
  g_autoptr (GDate) date = outlay_date_parse_iso (day);

  if (date == NULL)
    return g_strdup (iso_month != NULL ? iso_month : "");

  /* Translators: a month and its year, see strftime(3); e.g. "November 2026" */
  return outlay_format_date_with (date, _("%B %Y"));
}

/**
 * outlay_format_period:
 * @start: the first day, as `YYYY-MM-DD`
 * @end: the last day
 *
 * Returns: (transfer full): a period as a person names it: “November
 *   2026” for a calendar month, “2026” for a calendar year, else its first
 *   and last day, “25 Oct 2026 – 24 Nov 2026”
 */
char *
outlay_format_period (const char *start,
                      const char *end)
{
  g_autoptr (GDate) first = outlay_date_parse_iso (start);
  g_autoptr (GDate) last = outlay_date_parse_iso (end);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first != NULL && last != NULL && g_date_get_day (first) == 1 &&
      g_date_get_year (first) == g_date_get_year (last))
    {
      GDateYear year = g_date_get_year (first);

      if (g_date_get_month (first) == g_date_get_month (last) &&
          g_date_get_day (last) == g_date_get_days_in_month (g_date_get_month (last), year))
        return outlay_format_date_with (first, _("%B %Y"));
      if (g_date_get_month (first) == G_DATE_JANUARY && g_date_get_month (last) == G_DATE_DECEMBER &&
          g_date_get_day (last) == 31)
        /* Translators: a calendar year, see strftime(3); e.g. "2026" */
        return outlay_format_date_with (first, _("%Y"));
    }

  from = outlay_format_date (start);
  to = outlay_format_date (end);
  /* Translators: a period from its first to its last day: "25 Oct 2026 – 24 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

typedef char *(*FormatAmount) (gint64      minor_units,
                               const char *currency);

static char *
join_totals (GArray      *totals,
             const char  *currency,
             FormatAmount format,
             const char  *separator)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (totals == NULL || totals->len == 0)
    return format (0, currency);

  for (guint i = 0; i < totals->len; i++)
    {
      const OutlayCurrencyTotal *total = &g_array_index (totals, OutlayCurrencyTotal, i);
      g_autofree char           *amount = format (total->total, total->currency);

      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, amount != NULL ? amount : total->currency);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * outlay_format_totals:
 * @totals: (element-type OutlayCurrencyTotal): totals per currency
 * @currency: the currency to show a zero in when there is nothing
 *
 * Returns: (transfer full): the totals joined, such as “€12.00 + $4.50”
 */
char *
outlay_format_totals (GArray     *totals,
                      const char *currency)
{
  /* A total below zero is money back, shown as a refund is: "+€59.00". */
  return join_totals (totals, currency, outlay_money_format_expense, " + ");
}

/**
 * outlay_format_totals_spoken:
 * @totals: (element-type OutlayCurrencyTotal): totals per currency
 * @currency: the currency to say a zero in when there is nothing
 *
 * Returns: (transfer full): the totals as a screen reader should say them,
 *   such as “12 euros and 4.50 US dollars”
 */
char *
outlay_format_totals_spoken (GArray     *totals,
                             const char *currency)
{
  /* Translators: joins totals in several currencies, read aloud: "12 euros and 4.50 US dollars" */
  return join_totals (totals, currency, outlay_format_net_spoken, _(" and "));
}

/**
 * outlay_format_net_spoken:
 * @minor_units: a total: what was spent less what came back
 *
 * Returns: (transfer full): the total in words, such as “54.37 euros”, or
 *   for more refunded than spent “59 euros refunded”
 */
char *
outlay_format_net_spoken (gint64      minor_units,
                          const char *currency)
{
  g_autofree char *amount = outlay_format_amount_spoken (ABS (minor_units), currency);

  if (minor_units >= 0)
    return g_steal_pointer (&amount);

  /* Translators: a total below zero, read aloud: more came back than was
   * spent, such as "59 euros refunded" */
  return g_strdup_printf (_("%s refunded"), amount);
}

/* The currency's name with the right plural form for @n, around a %s for
 * the number. */
static const char *
spoken_currency_format (const char *code,
                        gulong      n)
{
  if (g_str_equal (code, "AED"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s UAE dirham", "%s UAE dirhams", n);
  if (g_str_equal (code, "ARS"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Argentine peso", "%s Argentine pesos", n);
  if (g_str_equal (code, "AUD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Australian dollar", "%s Australian dollars", n);
  if (g_str_equal (code, "BGN"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Bulgarian lev", "%s Bulgarian leva", n);
  if (g_str_equal (code, "BHD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Bahraini dinar", "%s Bahraini dinars", n);
  if (g_str_equal (code, "BRL"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Brazilian real", "%s Brazilian reais", n);
  if (g_str_equal (code, "CAD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Canadian dollar", "%s Canadian dollars", n);
  if (g_str_equal (code, "CHF"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Swiss franc", "%s Swiss francs", n);
  if (g_str_equal (code, "CLP"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Chilean peso", "%s Chilean pesos", n);
  if (g_str_equal (code, "CNY"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Chinese yuan", "%s Chinese yuan", n);
  if (g_str_equal (code, "CZK"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Czech koruna", "%s Czech korunas", n);
  if (g_str_equal (code, "DKK"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Danish krone", "%s Danish kroner", n);
  if (g_str_equal (code, "EGP"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Egyptian pound", "%s Egyptian pounds", n);
  if (g_str_equal (code, "EUR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s euro", "%s euros", n);
  if (g_str_equal (code, "GBP"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s British pound", "%s British pounds", n);
  if (g_str_equal (code, "GEL"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Georgian lari", "%s Georgian laris", n);
  if (g_str_equal (code, "HKD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Hong Kong dollar", "%s Hong Kong dollars", n);
  if (g_str_equal (code, "HUF"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Hungarian forint", "%s Hungarian forints", n);
  if (g_str_equal (code, "IDR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Indonesian rupiah", "%s Indonesian rupiahs", n);
  if (g_str_equal (code, "ILS"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Israeli new shekel", "%s Israeli new shekels", n);
  if (g_str_equal (code, "INR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Indian rupee", "%s Indian rupees", n);
  if (g_str_equal (code, "IQD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Iraqi dinar", "%s Iraqi dinars", n);
  if (g_str_equal (code, "ISK"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Icelandic króna", "%s Icelandic krónur", n);
  if (g_str_equal (code, "JOD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Jordanian dinar", "%s Jordanian dinars", n);
  if (g_str_equal (code, "JPY"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Japanese yen", "%s Japanese yen", n);
  if (g_str_equal (code, "KRW"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s South Korean won", "%s South Korean won", n);
  if (g_str_equal (code, "KWD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Kuwaiti dinar", "%s Kuwaiti dinars", n);
  if (g_str_equal (code, "KZT"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Kazakhstani tenge", "%s Kazakhstani tenges", n);
  if (g_str_equal (code, "LYD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Libyan dinar", "%s Libyan dinars", n);
  if (g_str_equal (code, "MAD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Moroccan dirham", "%s Moroccan dirhams", n);
  if (g_str_equal (code, "MXN"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Mexican peso", "%s Mexican pesos", n);
  if (g_str_equal (code, "MYR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Malaysian ringgit", "%s Malaysian ringgits", n);
  if (g_str_equal (code, "NGN"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Nigerian naira", "%s Nigerian nairas", n);
  if (g_str_equal (code, "NOK"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Norwegian krone", "%s Norwegian kroner", n);
  if (g_str_equal (code, "NZD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s New Zealand dollar", "%s New Zealand dollars", n);
  if (g_str_equal (code, "OMR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Omani rial", "%s Omani rials", n);
  if (g_str_equal (code, "PHP"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Philippine peso", "%s Philippine pesos", n);
  if (g_str_equal (code, "PKR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Pakistani rupee", "%s Pakistani rupees", n);
  if (g_str_equal (code, "PLN"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Polish zloty", "%s Polish zlotys", n);
  if (g_str_equal (code, "QAR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Qatari riyal", "%s Qatari riyals", n);
  if (g_str_equal (code, "RON"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Romanian leu", "%s Romanian lei", n);
  if (g_str_equal (code, "RUB"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Russian ruble", "%s Russian rubles", n);
  if (g_str_equal (code, "SAR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Saudi riyal", "%s Saudi riyals", n);
  if (g_str_equal (code, "SEK"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Swedish krona", "%s Swedish kronor", n);
  if (g_str_equal (code, "SGD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Singapore dollar", "%s Singapore dollars", n);
  if (g_str_equal (code, "THB"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Thai baht", "%s Thai baht", n);
  if (g_str_equal (code, "TND"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Tunisian dinar", "%s Tunisian dinars", n);
  if (g_str_equal (code, "TRY"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Turkish lira", "%s Turkish lire", n);
  if (g_str_equal (code, "TWD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s New Taiwan dollar", "%s New Taiwan dollars", n);
  if (g_str_equal (code, "UAH"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Ukrainian hryvnia", "%s Ukrainian hryvnias", n);
  if (g_str_equal (code, "USD"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s US dollar", "%s US dollars", n);
  if (g_str_equal (code, "VND"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s Vietnamese dong", "%s Vietnamese dong", n);
  if (g_str_equal (code, "ZAR"))
    /* Translators: an amount read aloud; %s is the number */
    return ngettext ("%s South African rand", "%s South African rand", n);

  return NULL;
}

/**
 * outlay_format_amount_spoken:
 * @minor_units: the amount
 * @currency: an ISO 4217 code
 *
 * An amount as a screen reader should say it: the number in the locale's
 * way with the currency's name, not its symbol, which speech synthesizers
 * read out as a character name or skip ("€54.37" becomes “54.37 euros”).
 * A currency without a name here is read with its code.
 *
 * Returns: (transfer full): the amount in words
 */
char *
outlay_format_amount_spoken (gint64      minor_units,
                             const char *currency)
{
  const OutlayCurrency *cur = outlay_currency_lookup (currency);
  g_autoptr (GString) number = g_string_new (NULL);
  const char *format;
  guint64     magnitude;
  guint64     unit = 1;
  guint64     major;
  guint64     fraction;
  gulong      n;

  g_return_val_if_fail (currency != NULL, NULL);

  if (cur == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", minor_units, currency);

  for (guint i = 0; i < cur->exponent; i++)
    unit *= 10;

  /* Without going through a double: the magnitude of G_MININT64 fits. */
  magnitude = minor_units < 0 ? (guint64) (-(minor_units + 1)) + 1 : (guint64) minor_units;
  major = magnitude / unit;
  fraction = magnitude % unit;

  if (minor_units < 0)
    g_string_append_c (number, '-');
  g_string_append_printf (number, "%" G_GUINT64_FORMAT, major);
  if (fraction != 0)
    g_string_append_printf (number, "%s%0*" G_GUINT64_FORMAT,
                            nl_langinfo (RADIXCHAR), (int) cur->exponent, fraction);

  /* gettext's plural rules know whole numbers only; English and most
   * languages use the plural for a fraction, whatever its whole part. */
  n = (gulong) MIN (major, (guint64) G_MAXULONG);
  if (fraction != 0)
    n = MAX (n, 2);

  format = spoken_currency_format (cur->code, n);
  if (format == NULL)
    return g_strdup_printf ("%s %s", number->str, cur->code);

    /* The formats are ngettext()'s, each with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (format, number->str);
#pragma GCC diagnostic pop
}

/**
 * outlay_format_expense_spoken:
 * @expense: an expense
 * @category: (nullable): its category
 * @today: the day to count from
 *
 * An expense as one phrase for a screen reader, where a list shows it in
 * parts: the amount with its currency's name and the full date, where the
 * list shows a symbol and “Today”.
 *
 * Returns: (transfer full): “Groceries, Weekly shop, 54.37 euros, Tuesday
 *   24 November”, with the note at the end when there is one
 */
char *
outlay_format_expense_spoken (OutlayExpense  *expense,
                              OutlayCategory *category,
                              const GDate    *today)
{
  g_autofree char *day = outlay_format_day (outlay_expense_get_occurred_on (expense), today);
  gint64           minor_units = outlay_expense_get_amount (expense);
  g_autofree char *amount = outlay_format_amount_spoken (ABS (minor_units), outlay_expense_get_currency (expense));
  const char      *note = outlay_expense_get_note (expense);
  const char      *name = category != NULL ? outlay_category_get_name (category) : "";
  g_autofree char *spoken = NULL;

  if (minor_units < 0)
    {
      char *refund;

      /* Translators: how a screen reader reads a refund's amount, such as
       * “refund of 12.50 euros”, where the list shows “+€12.50” */
      refund = g_strdup_printf (_("refund of %s"), amount);
      g_free (amount);
      amount = refund;
    }

  if (note != NULL && *note != '\0')
    /* Translators: a list row read by a screen reader: category, description, amount, day, note */
    spoken = g_strdup_printf (_("%s, %s, %s, %s, %s"),
                                 name, outlay_expense_get_description (expense), amount, day, note);
  else
    /* Translators: a list row read by a screen reader: category, description, amount, day */
    spoken = g_strdup_printf (_("%s, %s, %s, %s"),
                                 name, outlay_expense_get_description (expense), amount, day);

  if (outlay_expense_get_rule_uuid (expense) == NULL)
    return g_steal_pointer (&spoken);
  /* Translators: a list row read by a screen reader, of an expense a
   * recurring one wrote: what is read of any expense, then this word,
   * where the list shows a repeat icon */
  return g_strdup_printf (_("%s, recurring"), spoken);
}

/**
 * outlay_format_percent:
 * @part: a share of @whole, or a change against it; not negative
 * @whole: the total, or what the change is against; positive
 * @share: whether @part is a share, which can be at most all of @whole
 *
 * @part as a whole percent of @whole. One that rounds to 0% without being
 * nothing says “<1%”, and a share that rounds to 100% without being the
 * whole says “>99%”, so that no spending reads as none or as all of it.
 *
 * Returns: (transfer full): the percentage, such as “45%”
 */
char *
outlay_format_percent (gint64   part,
                       gint64   whole,
                       gboolean share)
{
  int percent;

  g_return_val_if_fail (part >= 0, NULL);

  percent = whole > 0 ? (int) MIN (round ((double) part * 100.0 / (double) whole), (double) G_MAXINT) : 0;

  if (percent == 0 && part > 0)
    /* Translators: a share or a change of less than one percent */
    return g_strdup (_("<1%"));
  if (share && percent == 100 && part < whole)
    /* Translators: the share of a category that is almost but not all of the spending */
    return g_strdup (_(">99%"));

  /* Translators: a share or a change, e.g. "45%" */
  return g_strdup_printf (_("%d%%"), percent);
}

/**
 * outlay_format_backup_time:
 *
 * Returns: (transfer full): when a backup was made, in local time
 */
char *
outlay_format_backup_time (GDateTime *created)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (created);

  /* Translators: when a backup was made, in the notation of
   * g_date_time_format(): “24 November 2026, 09:30” */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static char *
format_backup_contents (const OutlayBackupInfo *info)
{
  g_autofree char *size = g_format_size ((guint64) info->size);
  const char      *reason = outlay_backup_reason_get_label (info->reason);

  switch (info->state)
    {
    case OUTLAY_BACKUP_STATE_VERIFIED:
      {
        g_autofree char *count = g_strdup_printf ("%'u", info->expenses);

        /* Translators: a checked backup: its number of expenses, the reason it
         * was made and its size: “1,234 expenses · Daily · 96.3 kB” */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s expense · %s · %s", "%s expenses · %s · %s",
                                             info->expenses),
                                count, reason, size);
      }

    case OUTLAY_BACKUP_STATE_DAMAGED:
      /* Translators: a backup that failed its check, the reason it was made
       * and its size: “Damaged · Daily · 96.3 kB” */
      return g_strdup_printf (_("Damaged · %s · %s"), reason, size);

    case OUTLAY_BACKUP_STATE_UNVERIFIED:
    default:
      /* Translators: a backup made before Outlay checked its backups, the reason
       * and its size: “Not checked · Daily · 96.3 kB” */
      return g_strdup_printf (_("Not checked · %s · %s"), reason, size);
    }
}

/**
 * outlay_format_backup_details:
 *
 * Returns: (transfer full): what a backup holds and why it was made:
 *   “1,234 expenses · Daily · 96.3 kB” when it was checked, or says that
 *   it was not checked or is damaged
 */
char *
outlay_format_backup_details (const OutlayBackupInfo *info)
{
  g_autofree char *details = format_backup_contents (info);

  /* Only an older format is worth a word: it is upgraded when restored. */
  if (info->schema_version == 0 || info->schema_version == OUTLAY_SCHEMA_VERSION)
    return g_steal_pointer (&details);

  /* Translators: a backup's details and the data format it was written in,
   * “12 expenses · Migration · 48 kB · data format 2” */
  return g_strdup_printf (_("%s · data format %u"), details, info->schema_version);
}

/**
 * outlay_format_sentence:
 * @words: words that go inside a sentence, such as “monthly on day 1”
 *
 * Returns: (transfer full): @words at the start of a line: “Monthly on day 1”
 */
char *
outlay_format_sentence (const char *words)
{
  GString *sentence = g_string_new (NULL);

  g_return_val_if_fail (words != NULL, NULL);

  if (*words != '\0')
    {
      g_string_append_unichar (sentence, g_unichar_totitle (g_utf8_get_char (words)));
      g_string_append (sentence, g_utf8_next_char (words));
    }
  return g_string_free (sentence, FALSE);
}

/**
 * outlay_format_rate:
 * @currency: one unit of which…
 * @rate: …is worth this, as published ("0.9205")
 * @quote: …of this
 *
 * Returns: (transfer full): "1 USD = 0.9205 EUR", the rate with the
 *   locale's decimal point ("0,9205" in German)
 */
char *
outlay_format_rate (const char *currency,
                    const char *rate,
                    const char *quote)
{
  const char *point = nl_langinfo (RADIXCHAR);
  g_autoptr (GString) number = g_string_new (NULL);

  for (const char *p = rate != NULL ? rate : ""; *p != '\0'; p++)
    if (*p == '.' && point != NULL && *point != '\0')
      g_string_append (number, point);
    else
      g_string_append_c (number, *p);

  /* Translators: an exchange rate: "1 USD = 0.9205 EUR" */
  return g_strdup_printf (_("1 %s = %s %s"), currency, number->str, quote);
}

/**
 * outlay_format_budget_state:
 *
 * Returns: where a budget stands, in words: "On track", "Over budget"…
 */
const char *
outlay_format_budget_state (OutlayBudgetState state)
{
  switch (state)
    {
    case OUTLAY_BUDGET_WATCHING:
      /* Translators: a budget of no amount, which only shows what was spent */
      return _("Watching");
    case OUTLAY_BUDGET_AHEAD_OF_PACE:
      /* Translators: a budget spent faster than its period passes */
      return _("Ahead of pace");
    case OUTLAY_BUDGET_FULLY_USED:
      /* Translators: a budget spent to the cent, not over */
      return _("Fully used");
    case OUTLAY_BUDGET_OVER:
      return _("Over budget");
    case OUTLAY_BUDGET_ON_TRACK:
    default:
      return _("On track");
    }
}
