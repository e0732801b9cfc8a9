/* outlay-rate-file.c: files of exchange rates (ECB CSV and XML, plain CSV)
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
#include "outlay-date.h"
#include "outlay-number.h"
#include "outlay-rate-file.h"

/* How often, in bytes of the file, progress is told and cancellation
 * looked at. */
#define CHUNK_SIZE (64 * 1024)

struct OutlayRateFile
{
  const char                *home_currency;
  OutlayRateFileProgressFunc progress;
  gpointer                   progress_data;

  OutlayRateFileFormat format;
  GPtrArray           *problems;
  /* Codes of the unknown currencies already reported. */
  GHashTable *reported;
  guint       n_rates;

  /* During a read */
  const char        *name;
  OutlayRateFileFunc func;
  gpointer           user_data;
  GCancellable      *cancellable;
  gsize              total;
  gsize              next_progress;
  /* Why the callback or a cancellation stopped the read. */
  GError *stop_error;
};

/* One line of the text at a time, its end of line removed. */
typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
} LineReader;

/* What a plain CSV's columns hold. */
typedef struct
{
  int date;
  int currency;
  int rate;
  int quote;
} PlainColumns;

/* The state of an ECB XML read. */
typedef struct
{
  OutlayRateFile      *self;
  GMarkupParseContext *context;
  guint                depth;
  /* Inside a <Cube time="…">, and whether its day is good. */
  gboolean in_day;
  gboolean have_day;
  char     day[OUTLAY_DATE_ISO_SIZE];
} XmlReader;

G_DEFINE_QUARK (outlay-rate-file-error-quark, outlay_rate_file_error)

static void
problem_free (gpointer data)
{
  OutlayRateFileProblem *problem = data;

  g_free (problem->reason);
  g_free (problem);
}

static void add_problem (OutlayRateFile *self,
                         guint           line,
                         const char     *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (OutlayRateFile *self,
             guint           line,
             const char     *format,
             ...)
{
  OutlayRateFileProblem *problem = g_new0 (OutlayRateFileProblem, 1);
  g_autofree char       *reason = NULL;
  va_list                args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line of UTF-8, whatever the file held: GMarkup's messages quote
   * names cut in the middle of a character, and an XML attribute may
   * hold a line break. */
  problem->line = line;
  problem->reason = g_strdelimit (g_utf8_make_valid (reason, -1), "\r\n", ' ');
  g_ptr_array_add (self->problems, problem);
}

/* The table's code for @code, or NULL (reported once a file) when Outlay
 * does not know it. */
static const char *
lookup_currency (OutlayRateFile *self,
                 const char     *code,
                 guint           line)
{
  const OutlayCurrency *currency = outlay_currency_lookup (code);

  if (currency != NULL)
    return currency->code;

  if (!g_hash_table_contains (self->reported, code))
    {
      g_hash_table_add (self->reported, g_strdup (code));
      add_problem (self, line, _("“%s” is not a currency Outlay knows; its rates are left out"), code);
    }
  return NULL;
}

/* The currency of an ECB rate, 1 EUR = v @code: NULL, reported once a
 * file, when @code is unknown or the euro itself. */
static const char *
ecb_quote (OutlayRateFile *self,
           const char     *code,
           guint           line)
{
  if (strcmp (code, "EUR") != 0)
    return lookup_currency (self, code, line);

  if (!g_hash_table_contains (self->reported, code))
    {
      g_hash_table_add (self->reported, g_strdup (code));
      add_problem (self, line, _("A rate from %s to itself says nothing"), code);
    }
  return NULL;
}

/* Tells progress and looks at the cancellable once a chunk; FALSE, with
 * stop_error set, when the read is cancelled. */
static gboolean
reached (OutlayRateFile *self,
         gsize           done)
{
  if (done < self->next_progress && done < self->total)
    return TRUE;

  self->next_progress = done + CHUNK_SIZE;
  if (self->progress != NULL)
    self->progress (done, self->total, self->progress_data);
  return !g_cancellable_set_error_if_cancelled (self->cancellable, &self->stop_error);
}

/* Reads @text as a rate and hands it to the callback; FALSE, with
 * stop_error set, only when the callback says to stop. */
static gboolean
emit (OutlayRateFile *self,
      const char     *day,
      const char     *currency,
      const char     *quote,
      const char     *text,
      guint           line)
{
  g_autoptr (GError) error = NULL;
  OutlayRateFileEntry entry = { day, currency, quote, text, { 0, 0 }, line };

  if (!outlay_rate_parse (text, &entry.rate, &error))
    {
      /* TRANSLATORS: "USD to EUR on 2024-05-14: A rate must be greater than zero" */
      add_problem (self, line, _("%s to %s on %s: %s"), currency, quote, day, error->message);
      return TRUE;
    }

  if (!self->func (&entry, self->user_data, &self->stop_error))
    {
      if (self->stop_error == NULL)
        g_set_error_literal (&self->stop_error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Reading the rates was stopped"));
      return FALSE;
    }
  self->n_rates++;
  return TRUE;
}

static gboolean
next_line (LineReader  *reader,
           const char **line,
           gsize       *length)
{
  const char *start;
  const char *end;

  if (reader->pos >= reader->length)
    return FALSE;

  start = reader->data + reader->pos;
  end = memchr (start, '\n', reader->length - reader->pos);
  if (end == NULL)
    end = reader->data + reader->length;
  reader->pos = (gsize) (end - reader->data) + 1;
  reader->line++;

  if (end > start && end[-1] == '\r')
    end--;
  *line = start;
  *length = (gsize) (end - start);
  return TRUE;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Splits a line at its commas into @fields, which point into @buffer:
 * each without the spaces around it and a pair of quotes around it. The
 * rate files have no quoted commas. */
static void
split_fields (const char *line,
              gsize       length,
              GString    *buffer,
              GPtrArray  *fields)
{
  char *p;

  g_string_truncate (buffer, 0);
  g_string_append_len (buffer, line, (gssize) length);
  g_ptr_array_set_size (fields, 0);

  p = buffer->str;
  for (;;)
    {
      char *comma = strchr (p, ',');
      char *field;
      gsize n;

      if (comma != NULL)
        *comma = '\0';
      field = g_strstrip (p);
      n = strlen (field);
      if (n >= 2 && field[0] == '"' && field[n - 1] == '"')
        {
          field[n - 1] = '\0';
          field = g_strstrip (field + 1);
        }
      g_ptr_array_add (fields, field);
      if (comma == NULL)
        break;
      p = comma + 1;
    }
}

static const char *
field_at (GPtrArray *fields,
          int        index)
{
  if (index < 0 || (guint) index >= fields->len)
    return "";
  return g_ptr_array_index (fields, index);
}

/* Three ASCII letters, upper case only when @upper. */
static gboolean
looks_like_code (const char *text,
                 gboolean    upper)
{
  for (guint i = 0; i < 3; i++)
    if (!(upper ? g_ascii_isupper (text[i]) : g_ascii_isalpha (text[i])))
      return FALSE;
  return text[3] == '\0';
}

static gboolean
looks_like_day (const char *text)
{
  return strlen (text) == 10 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-';
}

/* The columns of a plain CSV header, or FALSE when @fields is none. */
static gboolean
find_plain_columns (GPtrArray    *fields,
                    PlainColumns *columns)
{
  *columns = (PlainColumns){ -1, -1, -1, -1 };
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = g_ptr_array_index (fields, i);
      int        *column = NULL;

      if (g_ascii_strcasecmp (name, "date") == 0 || g_ascii_strcasecmp (name, "day") == 0)
        column = &columns->date;
      else if (g_ascii_strcasecmp (name, "currency") == 0)
        column = &columns->currency;
      else if (g_ascii_strcasecmp (name, "rate") == 0)
        column = &columns->rate;
      else if (g_ascii_strcasecmp (name, "quote") == 0)
        column = &columns->quote;
      else if (*name == '\0' && i == fields->len - 1)
        continue;
      else
        return FALSE;

      if (*column != -1)
        return FALSE;
      *column = (int) i;
    }
  return columns->date != -1 && columns->currency != -1 && columns->rate != -1;
}

/* Tells the format from the first line that is not blank. */
static OutlayRateFileFormat
detect_format (const char   *text,
               gsize         length,
               PlainColumns *columns,
               gboolean     *has_header)
{
  LineReader reader = { text, length, 0, 0 };
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  const char *line = NULL;
  gsize       n = 0;
  gboolean    codes = TRUE;

  while (next_line (&reader, &line, &n) && is_blank (line, n))
    ;
  while (n > 0 && g_ascii_isspace (*line))
    {
      line++;
      n--;
    }
  if (n > 0 && *line == '<')
    return OUTLAY_RATE_FILE_FORMAT_ECB_XML;

  split_fields (line, n, buffer, fields);
  *has_header = find_plain_columns (fields, columns);
  if (*has_header)
    return OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV;

  if (fields->len >= 3 && looks_like_day (field_at (fields, 0)) && looks_like_code (field_at (fields, 1), FALSE))
    {
      *columns = (PlainColumns){ 0, 1, 2, 3 };
      return OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV;
    }

  if (fields->len < 2 || g_ascii_strcasecmp (field_at (fields, 0), "date") != 0)
    return OUTLAY_RATE_FILE_FORMAT_UNKNOWN;
  for (guint i = 1; i < fields->len && codes; i++)
    {
      const char *name = g_ptr_array_index (fields, i);

      codes = looks_like_code (name, TRUE) || (*name == '\0' && i == fields->len - 1);
    }
  return codes ? OUTLAY_RATE_FILE_FORMAT_ECB_CSV : OUTLAY_RATE_FILE_FORMAT_UNKNOWN;
}

/* The day of a row of the ECB's daily CSV (eurofxref.csv), "14 May 2024",
 * written YYYY-MM-DD into @iso; FALSE when @text is not one. */
static gboolean
parse_ecb_day (const char *text,
               char        iso[OUTLAY_DATE_ISO_SIZE])
{
  static const char months[][4] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  g_auto (GStrv) parts = g_strsplit (text, " ", -1);
  guint64 day = 0;
  guint64 year = 0;

  if (g_strv_length (parts) != 3 || !outlay_parse_unsigned (parts[0], 1, 31, &day) ||
      !outlay_parse_unsigned (parts[2], 1900, 2999, &year))
    return FALSE;

  for (guint month = 1; month <= G_N_ELEMENTS (months); month++)
    if (g_ascii_strcasecmp (parts[1], months[month - 1]) == 0)
      {
        g_snprintf (iso, OUTLAY_DATE_ISO_SIZE, "%04u-%02u-%02u", (guint) year, month, (guint) day);
        return outlay_date_is_valid (iso);
      }
  return FALSE;
}

static gboolean
read_ecb_csv (OutlayRateFile *self,
              const char     *text,
              gsize           length)
{
  LineReader reader = { text, length, 0, 0 };
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  g_autofree const char **columns = NULL;
  guint                   n_columns = 0;
  const char             *line;
  gsize                   n;

  while (next_line (&reader, &line, &n))
    {
      const char *day;
      char        iso[OUTLAY_DATE_ISO_SIZE];

      if (!reached (self, MIN (reader.pos, length)))
        return FALSE;
      if (is_blank (line, n))
        continue;

      split_fields (line, n, buffer, fields);
      if (columns == NULL)
        {
          /* The header: the codes, and an empty name after the last comma. */
          n_columns = fields->len;
          columns = g_new0 (const char *, n_columns);
          for (guint i = 1; i < n_columns; i++)
            if (*field_at (fields, (int) i) != '\0')
              columns[i] = ecb_quote (self, g_ptr_array_index (fields, i), reader.line);
          continue;
        }

      day = field_at (fields, 0);
      if (!outlay_date_is_valid (day))
        {
          if (!parse_ecb_day (day, iso))
            {
              add_problem (self, reader.line, _("“%s” is not a day written YYYY-MM-DD"), day);
              continue;
            }
          day = iso;
        }

      for (guint i = 1; i < fields->len; i++)
        {
          const char *value = g_ptr_array_index (fields, i);

          if (*value == '\0' || strcmp (value, "N/A") == 0)
            continue;
          if (i >= n_columns)
            {
              add_problem (self, reader.line, _("The line has more rates than the header has currencies"));
              break;
            }
          if (columns[i] != NULL && !emit (self, day, "EUR", columns[i], value, reader.line))
            return FALSE;
        }
    }
  return TRUE;
}

/* A code of a plain CSV, in any case; NULL, with a problem, when it is
 * not a currency Outlay knows. */
static const char *
plain_currency (OutlayRateFile *self,
                const char     *text,
                guint           line)
{
  char code[4];
  const OutlayCurrency *currency;

  if (!looks_like_code (text, FALSE))
    {
      add_problem (self, line, _("“%s” is not a currency code such as USD"), text);
      return NULL;
    }
  for (guint i = 0; i < 4; i++)
    code[i] = g_ascii_toupper (text[i]);

  /* Unlike a column of the ECB's, every row of its own is a problem. */
  currency = outlay_currency_lookup (code);
  if (currency == NULL)
    add_problem (self, line, _("“%s” is not a currency Outlay knows"), code);
  return currency != NULL ? currency->code : NULL;
}

static gboolean
read_plain_csv (OutlayRateFile     *self,
                const char         *text,
                gsize               length,
                const PlainColumns *columns,
                gboolean            has_header)
{
  LineReader reader = { text, length, 0, 0 };
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  gboolean    skip_header = has_header;
  const char *line;
  gsize       n;

  while (next_line (&reader, &line, &n))
    {
      const char *day;
      const char *currency;
      const char *quote = self->home_currency;
      const char *rate;

      if (!reached (self, MIN (reader.pos, length)))
        return FALSE;
      if (is_blank (line, n))
        continue;
      if (skip_header)
        {
          skip_header = FALSE;
          continue;
        }

      split_fields (line, n, buffer, fields);
      day = field_at (fields, columns->date);
      rate = field_at (fields, columns->rate);
      if (*day == '\0' || *field_at (fields, columns->currency) == '\0' || *rate == '\0')
        {
          add_problem (self, reader.line, _("A rate needs a date, a currency and the rate"));
          continue;
        }
      if (!outlay_date_is_valid (day))
        {
          add_problem (self, reader.line, _("“%s” is not a day written YYYY-MM-DD"), day);
          continue;
        }
      currency = plain_currency (self, field_at (fields, columns->currency), reader.line);
      if (currency == NULL)
        continue;
      if (*field_at (fields, columns->quote) != '\0' &&
          !(quote = plain_currency (self, field_at (fields, columns->quote), reader.line)))
        continue;
      if (currency == quote)
        {
          add_problem (self, reader.line, _("A rate from %s to itself says nothing"), currency);
          continue;
        }
      if (!emit (self, day, currency, quote, rate, reader.line))
        return FALSE;
    }
  return TRUE;
}

static guint
xml_line (XmlReader *xml)
{
  int line = 0;

  g_markup_parse_context_get_position (xml->context, &line, NULL);
  return (guint) line;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
xml_start_element (GMarkupParseContext *context,
                   const char          *element_name,
                   const char         **attribute_names,
                   const char         **attribute_values,
                   gpointer             user_data,
                   GError             **error)
{
  XmlReader       *xml = user_data;
  OutlayRateFile  *self = xml->self;
  const char      *local = strchr (element_name, ':');
  const char      *time;
  const char      *currency;
  const char      *rate;
  char             buffer[64];
  g_autofree char *long_rate = NULL;
  char            *trimmed;

  local = local != NULL ? local + 1 : element_name;
  if (xml->depth++ == 0 && strcmp (local, "Envelope") != 0)
    {
      g_set_error (error, OUTLAY_RATE_FILE_ERROR, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT, "%s",
                   _("This XML file is not the ECB’s: its root is not a gesmes:Envelope"));
      return;
    }
  if (strcmp (element_name, "Cube") != 0)
    return;

  time = find_attribute (attribute_names, attribute_values, "time");
  if (time != NULL)
    {
      xml->in_day = TRUE;
      xml->have_day = outlay_date_is_valid (time);
      if (xml->have_day)
        memcpy (xml->day, time, OUTLAY_DATE_ISO_SIZE);
      else
        add_problem (self, xml_line (xml), _("“%s” is not a day written YYYY-MM-DD"), time);
      return;
    }

  currency = find_attribute (attribute_names, attribute_values, "currency");
  rate = find_attribute (attribute_names, attribute_values, "rate");
  if (currency == NULL && rate == NULL)
    return;
  if (currency == NULL || rate == NULL)
    {
      add_problem (self, xml_line (xml), _("A rate needs both a currency and a rate"));
      return;
    }
  if (!xml->have_day)
    {
      /* A bad day was reported where it stands; a missing one is said here. */
      if (!xml->in_day)
        add_problem (self, xml_line (xml), _("The rate of %s has no day"), currency);
      return;
    }
  if (!looks_like_code (currency, TRUE))
    {
      add_problem (self, xml_line (xml), _("“%s” is not a currency code such as USD"), currency);
      return;
    }
  currency = ecb_quote (self, currency, xml_line (xml));
  if (g_strlcpy (buffer, rate, sizeof buffer) < sizeof buffer)
    trimmed = buffer;
  else
    trimmed = long_rate = g_strdup (rate);
  g_strstrip (trimmed);
  if (currency != NULL && !emit (self, xml->day, "EUR", currency, trimmed, xml_line (xml)))
    g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "stopped");
}

static void
xml_end_element (GMarkupParseContext *context,
                 const char          *element_name,
                 gpointer             user_data,
                 GError             **error)
{
  XmlReader *xml = user_data;

  xml->depth--;
  if (strcmp (element_name, "Cube") == 0 && xml->depth == 2)
    {
      xml->in_day = FALSE;
      xml->have_day = FALSE;
    }
}

static const GMarkupParser xml_parser = {
  xml_start_element,
  xml_end_element,
  NULL,
  NULL,
  NULL,
};

/* FALSE with @error when the file is not the ECB's XML or the read was
 * stopped; a break in the XML once the envelope has begun is a problem. */
static gboolean
read_ecb_xml (OutlayRateFile *self,
              const char     *text,
              gsize           length,
              GError        **error)
{
  XmlReader xml = { self, NULL, 0, FALSE, FALSE, "" };
  g_autoptr (GError) local_error = NULL;
  gboolean ok = TRUE;
  guint    line;

  xml.context = g_markup_parse_context_new (&xml_parser, 0, &xml, NULL);
  for (gsize pos = 0; pos < length && ok; pos += CHUNK_SIZE)
    {
      gsize n = MIN (CHUNK_SIZE, length - pos);

      ok = g_markup_parse_context_parse (xml.context, text + pos, (gssize) n, &local_error) &&
           reached (self, pos + n);
    }
  if (ok)
    ok = g_markup_parse_context_end_parse (xml.context, &local_error);
  line = xml_line (&xml);
  g_markup_parse_context_free (xml.context);

  if (ok || self->stop_error != NULL)
    return ok;
  if (g_error_matches (local_error, OUTLAY_RATE_FILE_ERROR, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT))
    {
      self->format = OUTLAY_RATE_FILE_FORMAT_UNKNOWN;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (self->n_rates == 0 && self->problems->len == 0 && xml.depth == 0)
    {
      g_autofree char *message = g_strdelimit (g_utf8_make_valid (local_error->message, -1), "\r\n", ' ');

      self->format = OUTLAY_RATE_FILE_FORMAT_UNKNOWN;
      g_set_error (error, OUTLAY_RATE_FILE_ERROR, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT,
                   _("This is not XML that Outlay can read: %s"), message);
      return FALSE;
    }
  add_problem (self, line, _("The rest of the file cannot be read: %s"), local_error->message);
  return TRUE;
}

/**
 * outlay_rate_file_new:
 * @home_currency: the currency of plain CSV rows that name no quote
 *
 * Returns: (transfer full): a reader of rate files
 */
OutlayRateFile *
outlay_rate_file_new (const char *home_currency)
{
  const OutlayCurrency *home;
  OutlayRateFile       *self;

  g_return_val_if_fail (home_currency != NULL, NULL);
  home = outlay_currency_lookup (home_currency);
  g_return_val_if_fail (home != NULL, NULL);

  self = g_new0 (OutlayRateFile, 1);
  self->home_currency = home->code;
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
outlay_rate_file_free (OutlayRateFile *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->reported);
  g_free (self);
}

void
outlay_rate_file_set_progress_func (OutlayRateFile            *self,
                                    OutlayRateFileProgressFunc func,
                                    gpointer                   user_data)
{
  g_return_if_fail (self != NULL);

  self->progress = func;
  self->progress_data = user_data;
}

static void
set_unknown_format (OutlayRateFile *self,
                    GError        **error)
{
  const char *formats = _("Outlay reads the ECB’s eurofxref-hist.csv, eurofxref-daily.xml and "
                          "eurofxref-hist-90d.xml, and CSV files with the columns date,currency,rate "
                          "and an optional quote");

  if (self->name != NULL)
    g_set_error (error, OUTLAY_RATE_FILE_ERROR, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT,
                 _("“%s” is not a file of exchange rates. %s"), self->name, formats);
  else
    g_set_error (error, OUTLAY_RATE_FILE_ERROR, OUTLAY_RATE_FILE_ERROR_UNKNOWN_FORMAT,
                 _("This is not a file of exchange rates. %s"), formats);
}

/**
 * outlay_rate_file_read:
 * @self: a reader
 * @name: (nullable): the file's name, for messages
 * @data: the file's contents
 * @length: the length of @data in bytes
 * @func: called for each rate, in the order of the file
 * @user_data: for @func
 * @cancellable: (nullable): stops the read between two chunks
 * @error: return location for an error
 *
 * Reads every rate of a file in one of the formats of
 * #OutlayRateFileFormat, told from its contents: UTF-8 with or without a
 * byte order mark, lines ending in LF or CRLF. Lines that cannot be read
 * become problems (outlay_rate_file_get_problems()); a day without a rate
 * for a currency (the ECB's "N/A") is no problem.
 *
 * Returns: FALSE with @error when the file is empty, not text, none of
 *   the formats, cancelled, or @func stopped it
 */
gboolean
outlay_rate_file_read (OutlayRateFile    *self,
                       const char        *name,
                       const char        *data,
                       gsize              length,
                       OutlayRateFileFunc func,
                       gpointer           user_data,
                       GCancellable      *cancellable,
                       GError           **error)
{
  PlainColumns columns = { -1, -1, -1, -1 };
  gboolean     has_header = FALSE;
  gboolean     ok = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (self->problems, 0);
  g_hash_table_remove_all (self->reported);
  self->n_rates = 0;
  self->format = OUTLAY_RATE_FILE_FORMAT_UNKNOWN;
  self->name = name;
  self->func = func;
  self->user_data = user_data;
  self->cancellable = cancellable;
  g_clear_error (&self->stop_error);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  self->total = length;
  self->next_progress = 0;

  if (is_blank (data, length))
    g_set_error (error, OUTLAY_RATE_FILE_ERROR, OUTLAY_RATE_FILE_ERROR_EMPTY, _("The file is empty"));
  else if (!g_utf8_validate_len (data, length, NULL))
    g_set_error (error, OUTLAY_RATE_FILE_ERROR, OUTLAY_RATE_FILE_ERROR_NOT_TEXT,
                 _("The file is not text in UTF-8, so it holds no rates Outlay can read"));
  else
    {
      self->format = detect_format (data, length, &columns, &has_header);
      switch (self->format)
        {
        case OUTLAY_RATE_FILE_FORMAT_ECB_CSV:
          ok = read_ecb_csv (self, data, length);
          break;
        case OUTLAY_RATE_FILE_FORMAT_ECB_XML:
          ok = read_ecb_xml (self, data, length, error);
          break;
        case OUTLAY_RATE_FILE_FORMAT_PLAIN_CSV:
          ok = read_plain_csv (self, data, length, &columns, has_header);
          break;
        case OUTLAY_RATE_FILE_FORMAT_UNKNOWN:
        default:
          set_unknown_format (self, error);
          break;
        }
      if (ok)
        reached (self, self->total);
    }

  if (self->stop_error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&self->stop_error));
      ok = FALSE;
    }

  self->name = NULL;
  self->func = NULL;
  self->user_data = NULL;
  self->cancellable = NULL;
  return ok;
}

OutlayRateFileFormat
outlay_rate_file_get_format (OutlayRateFile *self)
{
  g_return_val_if_fail (self != NULL, OUTLAY_RATE_FILE_FORMAT_UNKNOWN);

  return self->format;
}

GPtrArray *
outlay_rate_file_get_problems (OutlayRateFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problems;
}

guint
outlay_rate_file_get_n_rates (OutlayRateFile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rates;
}
