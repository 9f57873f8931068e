/* SPDX-FileCopyrightText: 2026 The libactivering authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* cli-common.c: helpers every subcommand of the tool uses. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli-private.h"

void
cli_error (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "activering: %s\n", message);
}

/* A history's file in force today, for a command that answers with one rule set. */
static ActiveringRuleSet *
rules_in_force_today (const char *path, GError **error)
{
  g_autoptr (ActiveringRuleSetCollection) history = activering_rule_set_collection_new_from_directory (path, error);
  if (history == NULL)
    return NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  int index = activering_rule_set_collection_lookup_date (history, &today);
  if (index < 0)
    {
      g_set_error (error, ACTIVERING_ERROR, ACTIVERING_ERROR_INVALID_VALUE, "%s: no file of rule set %s is in force "
                   "today", path, activering_rule_set_collection_get_id (history));
      return NULL;
    }
  return activering_rule_set_ref (activering_rule_set_collection_get_rule_set (history, (guint) index));
}

ActiveringRuleSet *
cli_load_rules (const char *path)
{
  g_autoptr (GError) error = NULL;
  ActiveringRuleSet *rules;
  if (path == NULL)
    rules = activering_rule_set_new_default (&error);
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    rules = rules_in_force_today (path, &error);
  else
    rules = activering_rule_set_new_from_file (path, &error);
  if (rules == NULL)
    cli_error ("%s", error->message);
  return rules;
}

gboolean
cli_date_from_text (const char *text, GDate *out)
{
  g_date_clear (out, 1);
  gboolean shaped = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';
  for (int i = 0; shaped && i < 10; i++)
    shaped = i == 4 || i == 7 || g_ascii_isdigit (text[i]);
  int y = shaped ? atoi (text) : 0, m = shaped ? atoi (text + 5) : 0, d = shaped ? atoi (text + 8) : 0;
  if (!shaped || y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
cli_parse_date (const char *text, GDate *out)
{
  if (cli_date_from_text (text, out))
    return TRUE;
  cli_error ("--as-of: \"%s\" is not a valid date (expected YYYY-MM-DD)", text ? text : "");
  return FALSE;
}

gboolean
cli_check_language (const ActiveringRuleSet *rules, const char *lang)
{
  if (activering_rule_set_has_language (rules, lang))
    return TRUE;
  g_autofree char *languages = g_strjoinv (", ", (char **) activering_rule_set_get_languages (rules));
  cli_error ("--lang: the rule set has no texts in \"%s\" (it has: %s)", lang, languages);
  return FALSE;
}

FILE *
cli_open_input (const char *path)
{
  gboolean from_stdin = path == NULL || strcmp (path, "-") == 0;
  FILE *input = from_stdin ? stdin : fopen (path, "rb");
  if (input == NULL)
    {
      cli_error ("%s: %s", path, g_strerror (errno));
      return NULL;
    }
  /* Opening a directory succeeds; only reading it fails, and then errno says little to the user. */
  struct stat st;
  if (fstat (fileno (input), &st) == 0 && S_ISDIR (st.st_mode))
    {
      cli_error ("%s: is a directory, not a document", from_stdin ? "<stdin>" : path);
      if (!from_stdin)
        fclose (input);
      return NULL;
    }
  /* Someone who typed the command without a file would otherwise wait for nothing. */
  if (from_stdin && isatty (fileno (stdin)))
    fputs ("activering: reading from standard input; end with Ctrl-D\n", stderr);
  return input;
}

char *
cli_read_all (FILE *input, const char *name, gsize max, gsize *length)
{
  GString *data = g_string_new (NULL);
  char buffer[65536];
  size_t n;
  while ((n = fread (buffer, 1, sizeof buffer, input)) > 0)
    {
      if (data->len + n > max)
        {
          cli_error ("%s: larger than %zu MiB; use --jsonl for batches", name, max >> 20);
          g_string_free (data, TRUE);
          return NULL;
        }
      g_string_append_len (data, buffer, (gssize) n);
    }
  if (ferror (input))
    {
      cli_error ("%s: read error", name);
      g_string_free (data, TRUE);
      return NULL;
    }
  *length = data->len;
  return g_string_free (data, FALSE);
}

void
cli_enter_command (const char *command)
{
  g_autofree char *name = g_strdup_printf ("%s %s", g_get_prgname (), command);
  g_set_prgname (name);
}

gboolean
cli_parse_options (GOptionContext *context, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cli_error ("%s (see --help)", error->message);
      return FALSE;
    }
  return TRUE;
}

void
cli_pad (GString *out, const char *text, int width)
{
  glong len = g_utf8_strlen (text, -1);
  if (len > width)
    {
      const char *cut = g_utf8_offset_to_pointer (text, width - 1);
      g_string_append_len (out, text, cut - text);
      g_string_append (out, "…");
      return;
    }
  g_string_append (out, text);
  for (glong i = len; i < width; i++)
    g_string_append_c (out, ' ');
}

char *
cli_read_file (const char *path, gsize *length)
{
  FILE *input = cli_open_input (path);
  if (input == NULL)
    return NULL;
  char *data = cli_read_all (input, path, CLI_MAX_DOCUMENT, length);
  if (input != stdin)
    fclose (input);
  return data;
}

void
cli_append_json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

ActiveringOrganisation *
cli_load_organisation (ActiveringRuleSet *rules, const char *path)
{
  gsize length;
  g_autofree char *data = cli_read_file (path, &length);
  if (data == NULL)
    return NULL;
  g_autoptr (GError) error = NULL;
  ActiveringOrganisation *organisation = activering_organisation_new_from_data (rules, data, (gssize) length, &error);
  if (organisation == NULL)
    cli_error ("%s: %s", path, error->message);
  return organisation;
}

ActiveringTrajectory *
cli_read_trajectory (ActiveringTrajectory **log, ActiveringRuleSet *rules, const char *text, gsize length,
                     GError **error)
{
  if (*log == NULL)
    return *log = activering_trajectory_new_from_data (rules, text, (gssize) length, error);
  return activering_trajectory_parse (*log, text, (gssize) length, error) ? *log : NULL;
}
