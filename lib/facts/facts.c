/* facts.c: parsing `activering.facts/1` documents straight into fact slots.
 *
 * A small strict JSON reader (RFC 8259) walks the document along the shape the rule set declares, so each value
 * lands in its slot as it is read: no intermediate tree, no hashing, and no allocation once the buffers have
 * grown. Every error names the JSON path and what was expected.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "facts/facts-private.h"
#include "util/dates-private.h"
#include "util/error-private.h"

#define FACTS_DOCUMENT "facts"
#define FACTS_FORMAT_KIND "activering.facts/"
#define FACTS_FORMAT_VERSION "activering.facts/1"
#define MAX_DEPTH 32
#define MAX_STRING 1024       /* ids and codes */
#define MAX_SKIPPED_STRING 65536 /* inside x_ keys, which are ignored */
#define MAX_RUNS 256

typedef struct {
  ActiveringFacts *facts;
  const char *start, *p, *end;
  int depth;
  gboolean seen_format, seen_as_of;
  GError **error;
} Parser;

static gboolean
fail (Parser *P, ActiveringError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Parser *P, ActiveringError code, const char *format, ...)
{
  if (P->error == NULL || *P->error != NULL)
    return FALSE;
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  activering_set_error_at (P->error, code, FACTS_DOCUMENT, P->facts->path->str, "%s", message);
  return FALSE;
}

static gboolean
fail_syntax (Parser *P, const char *expected)
{
  if (P->p >= P->end)
    return fail (P, ACTIVERING_ERROR_SYNTAX, "malformed JSON: the document ends where %s was expected", expected);
  return fail (P, ACTIVERING_ERROR_SYNTAX, "malformed JSON at byte %zu: expected %s", (gsize) (P->p - P->start),
               expected);
}

static void
skip_space (Parser *P)
{
  while (P->p < P->end && (*P->p == ' ' || *P->p == '\t' || *P->p == '\n' || *P->p == '\r'))
    P->p++;
}

#define MAX_PATH_KEY 64

static gsize
push (Parser *P, const char *key, gsize len)
{
  GString *path = P->facts->path;
  gsize mark = path->len;
  g_string_append_c (path, '/');
  /* The path is kept for error messages on every key, so the common case (a short plain key) is one copy;
   * anything else is escaped and cut so that a message stays one short line of valid UTF-8. */
  gboolean plain = len <= MAX_PATH_KEY;
  for (gsize i = 0; i < len && plain; i++)
    plain = (guchar) key[i] >= 0x20 && (guchar) key[i] < 0x7F && key[i] != '~' && key[i] != '/';
  if (plain)
    {
      g_string_append_len (path, key, (gssize) len);
      return mark;
    }
  g_autoptr (GString) display = g_string_new (NULL);
  activering_append_display (display, key, len, MAX_PATH_KEY);
  for (const char *p = display->str; *p; p++)
    {
      if (*p == '~')
        g_string_append (path, "~0");
      else if (*p == '/')
        g_string_append (path, "~1");
      else
        g_string_append_c (path, *p);
    }
  return mark;
}

static gsize
push_index (Parser *P, guint index)
{
  gsize mark = P->facts->path->len;
  g_string_append_printf (P->facts->path, "/%u", index);
  return mark;
}

static void
pop (Parser *P, gsize mark)
{
  g_string_truncate (P->facts->path, mark);
}

/* What the value at the cursor is, for "expected …, found …". */
static const char *
found (Parser *P)
{
  if (P->p >= P->end)
    return "the end of the document";
  switch (*P->p)
    {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return (*P->p == '-' || (*P->p >= '0' && *P->p <= '9')) ? "a number" : "something that is not JSON";
    }
}

static gboolean
literal (Parser *P, const char *word)
{
  gsize len = strlen (word);
  if ((gsize) (P->end - P->p) < len || memcmp (P->p, word, len) != 0)
    return fail_syntax (P, "a JSON value");
  P->p += len;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser *P, guint32 *out)
{
  if (P->end - P->p < 4)
    return fail_syntax (P, "four hex digits after \\u");
  guint32 v = 0;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (P->p[i]);
      if (h < 0)
        return fail_syntax (P, "four hex digits after \\u");
      v = v << 4 | (guint32) h;
    }
  P->p += 4;
  *out = v;
  return TRUE;
}

/* Reads a string (the cursor is on its opening quote). Without escapes the result points into the input;
 * with escapes it is unescaped into the facts' scratch buffer. */
static gboolean
read_string (Parser *P, gsize max, const char **out, gsize *out_len)
{
  P->p++;
  const char *begin = P->p;
  while (P->p < P->end && *P->p != '"' && *P->p != '\\' && (guchar) *P->p >= 0x20)
    P->p++;
  if (P->p < P->end && *P->p == '"')
    {
      *out = begin;
      *out_len = (gsize) (P->p - begin);
      P->p++;
      if (*out_len > max)
        return fail (P, ACTIVERING_ERROR_TOO_LARGE, "a string of %zu bytes is longer than the %zu allowed", *out_len, max);
      return TRUE;
    }
  GString *text = P->facts->text;
  g_string_truncate (text, 0);
  g_string_append_len (text, begin, P->p - begin);
  while (TRUE)
    {
      if (P->p >= P->end)
        return fail_syntax (P, "the end of a string");
      char c = *P->p;
      if (c == '"')
        break;
      if ((guchar) c < 0x20)
        return fail_syntax (P, "an escaped control character inside a string");
      if (c != '\\')
        {
          g_string_append_c (text, c);
          P->p++;
        }
      else
        {
          P->p++;
          if (P->p >= P->end)
            return fail_syntax (P, "an escape sequence");
          char e = *P->p++;
          switch (e)
            {
            case '"': g_string_append_c (text, '"'); break;
            case '\\': g_string_append_c (text, '\\'); break;
            case '/': g_string_append_c (text, '/'); break;
            case 'b': g_string_append_c (text, '\b'); break;
            case 'f': g_string_append_c (text, '\f'); break;
            case 'n': g_string_append_c (text, '\n'); break;
            case 'r': g_string_append_c (text, '\r'); break;
            case 't': g_string_append_c (text, '\t'); break;
            case 'u':
              {
                guint32 cp;
                if (!read_hex4 (P, &cp))
                  return FALSE;
                if (cp >= 0xD800 && cp <= 0xDBFF)
                  {
                    guint32 low;
                    if (P->end - P->p < 2 || P->p[0] != '\\' || P->p[1] != 'u')
                      return fail_syntax (P, "the second half of a surrogate pair");
                    P->p += 2;
                    if (!read_hex4 (P, &low))
                      return FALSE;
                    if (low < 0xDC00 || low > 0xDFFF)
                      return fail_syntax (P, "the second half of a surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                  }
                else if (cp >= 0xDC00 && cp <= 0xDFFF)
                  return fail_syntax (P, "a \\u escape that is not half a surrogate pair");
                g_string_append_unichar (text, (gunichar) cp);
                break;
              }
            default:
              P->p--;
              return fail_syntax (P, "a valid escape sequence");
            }
        }
      if (text->len > max)
        return fail (P, ACTIVERING_ERROR_TOO_LARGE, "a string is longer than the %zu bytes allowed", max);
    }
  P->p++;
  *out = text->str;
  *out_len = text->len;
  return TRUE;
}

/* Reads a JSON number; *is_integer is FALSE if it has a fraction or an exponent. */
static gboolean
read_number (Parser *P, double *out, gboolean *is_integer)
{
  const char *begin = P->p;
  *is_integer = TRUE;
  if (P->p < P->end && *P->p == '-')
    P->p++;
  if (P->p < P->end && *P->p == '0')
    P->p++;
  else if (P->p < P->end && *P->p >= '1' && *P->p <= '9')
    while (P->p < P->end && g_ascii_isdigit (*P->p))
      P->p++;
  else
    return fail_syntax (P, "a number");
  if (P->p < P->end && *P->p == '.')
    {
      *is_integer = FALSE;
      P->p++;
      if (P->p >= P->end || !g_ascii_isdigit (*P->p))
        return fail_syntax (P, "a digit after the decimal point");
      while (P->p < P->end && g_ascii_isdigit (*P->p))
        P->p++;
    }
  if (P->p < P->end && (*P->p == 'e' || *P->p == 'E'))
    {
      *is_integer = FALSE;
      P->p++;
      if (P->p < P->end && (*P->p == '+' || *P->p == '-'))
        P->p++;
      if (P->p >= P->end || !g_ascii_isdigit (*P->p))
        return fail_syntax (P, "a digit in the exponent");
      while (P->p < P->end && g_ascii_isdigit (*P->p))
        P->p++;
    }
  gsize len = (gsize) (P->p - begin);
  char buf[64];
  if (len >= sizeof buf)
    return fail (P, ACTIVERING_ERROR_TOO_LARGE, "a number written with more than %zu characters", sizeof buf - 1);
  memcpy (buf, begin, len);
  buf[len] = '\0';
  *out = g_ascii_strtod (buf, NULL);
  return TRUE;
}

/* Skips any value (inside x_ keys). */
static gboolean
skip_value (Parser *P)
{
  skip_space (P);
  if (P->p >= P->end)
    return fail_syntax (P, "a value");
  const char *s;
  gsize len;
  double number;
  gboolean integer;
  switch (*P->p)
    {
    case '"':
      return read_string (P, MAX_SKIPPED_STRING, &s, &len);
    case 't': return literal (P, "true");
    case 'f': return literal (P, "false");
    case 'n': return literal (P, "null");
    case '{':
    case '[':
      {
        char close = *P->p == '{' ? '}' : ']';
        gboolean object = close == '}';
        if (++P->depth > MAX_DEPTH)
          return fail (P, ACTIVERING_ERROR_TOO_LARGE, "nested deeper than %d levels", MAX_DEPTH);
        P->p++;
        skip_space (P);
        if (P->p < P->end && *P->p == close)
          {
            P->p++;
            P->depth--;
            return TRUE;
          }
        while (TRUE)
          {
            skip_space (P);
            if (object)
              {
                if (P->p >= P->end || *P->p != '"')
                  return fail_syntax (P, "a key in quotes");
                if (!read_string (P, MAX_SKIPPED_STRING, &s, &len))
                  return FALSE;
                skip_space (P);
                if (P->p >= P->end || *P->p != ':')
                  return fail_syntax (P, "':'");
                P->p++;
              }
            if (!skip_value (P))
              return FALSE;
            skip_space (P);
            if (P->p < P->end && *P->p == ',')
              {
                P->p++;
                continue;
              }
            if (P->p < P->end && *P->p == close)
              {
                P->p++;
                P->depth--;
                return TRUE;
              }
            return fail_syntax (P, object ? "',' or '}'" : "',' or ']'");
          }
      }
    default:
      return read_number (P, &number, &integer);
    }
}

/* Iterates over an object's members: call with *first TRUE; returns TRUE with the key, FALSE at the end or on error. */
static gboolean
next_member (Parser *P, gboolean *first, const char **key, gsize *key_len, gboolean *done)
{
  skip_space (P);
  *done = FALSE;
  if (*first)
    {
      *first = FALSE;
      if (P->p < P->end && *P->p == '}')
        {
          P->p++;
          *done = TRUE;
          return TRUE;
        }
    }
  else
    {
      if (P->p < P->end && *P->p == '}')
        {
          P->p++;
          *done = TRUE;
          return TRUE;
        }
      if (P->p >= P->end || *P->p != ',')
        return fail_syntax (P, "',' or '}'");
      P->p++;
      skip_space (P);
    }
  if (P->p >= P->end || *P->p != '"')
    return fail_syntax (P, "a key in quotes");
  if (!read_string (P, MAX_STRING, key, key_len))
    return FALSE;
  skip_space (P);
  if (P->p >= P->end || *P->p != ':')
    return fail_syntax (P, "':' after a key");
  P->p++;
  skip_space (P);
  return TRUE;
}

/* Input text quoted for an error message. */
static GString *
quote_input (const char *s, gsize len, gsize max_shown)
{
  GString *quoted = g_string_new ("\"");
  activering_append_display (quoted, s, len, max_shown);
  g_string_append_c (quoted, '"');
  return quoted;
}

static gboolean
fail_unknown_key (Parser *P, const char *key, gsize len, const char *const *candidates, gsize n)
{
  const char *hint = activering_suggest (key, len, candidates, n);
  g_autoptr (GString) quoted = quote_input (key, len, 64);
  if (hint != NULL)
    return fail (P, ACTIVERING_ERROR_UNKNOWN_KEY, "unknown key %s (did you mean \"%s\"?)", quoted->str, hint);
  return fail (P, ACTIVERING_ERROR_UNKNOWN_KEY, "unknown key %s (keys starting with x_ are ignored)", quoted->str);
}

static gboolean
expect_value (Parser *P, char first_char, const char *what)
{
  if (P->p < P->end && *P->p == first_char)
    return TRUE;
  if (P->p < P->end && (*P->p == '{' || *P->p == '[' || *P->p == '"' || *P->p == 't' || *P->p == 'f'
                        || *P->p == 'n' || *P->p == '-' || g_ascii_isdigit (*P->p)))
    return fail (P, ACTIVERING_ERROR_TYPE, "expected %s, found %s", what, found (P));
  return fail_syntax (P, what);
}

static gboolean
read_date (Parser *P, gint32 *out)
{
  if (!expect_value (P, '"', "a date \"YYYY-MM-DD\""))
    return FALSE;
  const char *s;
  gsize len;
  if (!read_string (P, MAX_STRING, &s, &len))
    return FALSE;
  if (!activering_parse_date (s, len, out))
    {
      g_autoptr (GString) quoted = quote_input (s, len, 32);
      return fail (P, ACTIVERING_ERROR_INVALID_VALUE, "%s is not a valid date (expected \"YYYY-MM-DD\")", quoted->str);
    }
  return TRUE;
}

/* Reads a code that must be one of @values; *index is its position there. */
static gboolean
read_code (Parser *P, const FactDecl *decl, guint *index)
{
  if (!expect_value (P, '"', "a code as a string"))
    return FALSE;
  const char *s;
  gsize len;
  if (!read_string (P, MAX_STRING, &s, &len))
    return FALSE;
  const ActiveringRuleSet *rules = P->facts->rules;
  for (guint i = 0; i < decl->n_values; i++)
    {
      const char *value = rules->symbols[decl->values[i]];
      if (strlen (value) == len && memcmp (value, s, len) == 0)
        {
          *index = i;
          return TRUE;
        }
    }
  const char *candidates[64 + 1];
  guint n = MIN (decl->n_values, 64);
  for (guint i = 0; i < n; i++)
    candidates[i] = rules->symbols[decl->values[i]];
  candidates[n] = NULL;
  const char *hint = activering_suggest (s, len, candidates, n);
  g_autoptr (GString) quoted = quote_input (s, len, 64);
  g_autofree char *allowed = g_strjoinv (", ", (char **) candidates);
  return fail (P, ACTIVERING_ERROR_INVALID_VALUE, "%s is not one of: %s%s%s%s", quoted->str, allowed,
               hint ? " (did you mean \"" : "", hint ? hint : "", hint ? "\"?)" : "");
}

static gboolean
read_number_in_range (Parser *P, const FactDecl *decl, gboolean integer_only, double *out)
{
  if (!(P->p < P->end && (*P->p == '-' || g_ascii_isdigit (*P->p)))
      && !expect_value (P, '-', integer_only ? "a whole number" : "a number"))
    return FALSE;
  gboolean is_integer;
  if (!read_number (P, out, &is_integer))
    return FALSE;
  if (!isfinite (*out) || *out > 9007199254740992.0 || *out < -9007199254740992.0)
    return fail (P, ACTIVERING_ERROR_OUT_OF_RANGE, "the number is too large");
  if (integer_only && *out != floor (*out))
    return fail (P, ACTIVERING_ERROR_TYPE, "expected a whole number, found %g", *out);
  gboolean below = decl->has_min && *out < decl->min;
  gboolean above = decl->has_max && *out > decl->max;
  if (below || above)
    {
      if (decl->has_min && decl->has_max)
        return fail (P, ACTIVERING_ERROR_OUT_OF_RANGE, "%g is out of range (expected a number from %g to %g)", *out,
                     decl->min, decl->max);
      return fail (P, ACTIVERING_ERROR_OUT_OF_RANGE, "%g is out of range (expected a number %s %g)", *out,
                   below ? "of at least" : "of at most", below ? decl->min : decl->max);
    }
  return TRUE;
}

static gboolean
read_runs (Parser *P, guint slot)
{
  ActiveringFacts *facts = P->facts;
  const FactDecl *decl = &facts->rules->facts[slot];
  if (!expect_value (P, '[', "an array of measure runs"))
    return FALSE;
  P->p++;
  facts->run_first[slot] = facts->runs->len;
  facts->run_count[slot] = 0;
  skip_space (P);
  if (P->p < P->end && *P->p == ']')
    {
      P->p++;
      return TRUE;
    }
  static const char *const keys[] = { "measure", "start", "end", "hours_fraction" };
  static const FactDecl fraction = { .has_min = TRUE, .has_max = TRUE, .min = 0, .max = 1 };
  for (guint index = 0;; index++)
    {
      gsize mark = push_index (P, index);
      if (index >= MAX_RUNS)
        return fail (P, ACTIVERING_ERROR_TOO_LARGE, "more than %d measure runs", MAX_RUNS);
      skip_space (P);
      if (!expect_value (P, '{', "a measure run object"))
        return FALSE;
      P->p++;
      Run run = { .end = G_MAXINT32 };
      gboolean has_measure = FALSE, has_start = FALSE, first = TRUE, done;
      gboolean seen[4] = { FALSE, FALSE, FALSE, FALSE };
      const char *key;
      gsize len;
      while (next_member (P, &first, &key, &len, &done) && !done)
        {
          gsize key_mark = push (P, key, len);
          int which = -1;
          for (int k = 0; k < 4; k++)
            if (strlen (keys[k]) == len && memcmp (keys[k], key, len) == 0)
              which = k;
          gboolean is_null = P->p < P->end && *P->p == 'n';
          if (which >= 0 && seen[which])
            return fail (P, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
          if (which >= 0)
            seen[which] = TRUE;
          if (which < 0)
            {
              if (len < 2 || key[0] != 'x' || key[1] != '_')
                return fail_unknown_key (P, key, len, keys, 4);
              if (!skip_value (P))
                return FALSE;
            }
          else if (is_null && which >= 2)
            {
              if (!literal (P, "null"))
                return FALSE;
            }
          else if (which == 0)
            {
              guint bit;
              if (!read_code (P, decl, &bit))
                return FALSE;
              run.measure = (guint8) bit;
              has_measure = TRUE;
            }
          else if (which == 1 || which == 2)
            {
              if (!read_date (P, which == 1 ? &run.start : &run.end))
                return FALSE;
              has_start |= which == 1;
            }
          else
            {
              if (!read_number_in_range (P, &fraction, FALSE, &run.hours_fraction))
                return FALSE;
              run.has_hours = TRUE;
            }
          pop (P, key_mark);
        }
      if (P->error && *P->error)
        return FALSE;
      if (!has_measure || !has_start)
        return fail (P, ACTIVERING_ERROR_MISSING, "missing \"%s\"", has_measure ? "start" : "measure");
      if (run.end < run.start)
        return fail (P, ACTIVERING_ERROR_INVALID_VALUE, "\"end\" is before \"start\"");
      g_array_append_val (facts->runs, run);
      facts->run_count[slot]++;
      pop (P, mark);
      skip_space (P);
      if (P->p < P->end && *P->p == ',')
        {
          P->p++;
          continue;
        }
      if (P->p < P->end && *P->p == ']')
        {
          P->p++;
          return TRUE;
        }
      return fail_syntax (P, "',' or ']'");
    }
}

static gboolean
read_enum_list (Parser *P, guint slot)
{
  const FactDecl *decl = &P->facts->rules->facts[slot];
  if (!expect_value (P, '[', "an array of codes"))
    return FALSE;
  P->p++;
  guint64 set = 0;
  skip_space (P);
  if (P->p < P->end && *P->p == ']')
    P->p++;
  else
    for (guint index = 0;; index++)
      {
        gsize mark = push_index (P, index);
        skip_space (P);
        guint bit;
        if (!read_code (P, decl, &bit))
          return FALSE;
        set |= G_GUINT64_CONSTANT (1) << bit;
        pop (P, mark);
        skip_space (P);
        if (P->p < P->end && *P->p == ',')
          {
            P->p++;
            continue;
          }
        if (P->p < P->end && *P->p == ']')
          {
            P->p++;
            break;
          }
        return fail_syntax (P, "',' or ']'");
      }
  P->facts->values[slot].i = (gint64) set;
  return TRUE;
}

static gboolean
read_fact (Parser *P, guint slot)
{
  ActiveringFacts *facts = P->facts;
  const FactDecl *decl = &facts->rules->facts[slot];
  Value *value = &facts->values[slot];
  if (facts->state[slot] != ACTIVERING_FACT_UNKNOWN)
    return fail (P, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
  if (P->p < P->end && *P->p == 'n')
    {
      facts->state[slot] = ACTIVERING_FACT_BLANK;
      return literal (P, "null");
    }
  double number;
  guint index;
  switch (decl->type)
    {
    case TYPE_BOOL:
      if (P->p < P->end && (*P->p == 't' || *P->p == 'f'))
        {
          value->i = *P->p == 't';
          if (!literal (P, value->i ? "true" : "false"))
            return FALSE;
          break;
        }
      return expect_value (P, 't', "true or false");
    case TYPE_INTEGER:
      if (!read_number_in_range (P, decl, TRUE, &number))
        return FALSE;
      value->i = (gint64) number;
      break;
    case TYPE_NUMBER:
      if (!read_number_in_range (P, decl, FALSE, &number))
        return FALSE;
      value->n = number;
      break;
    case TYPE_DATE:
      {
        gint32 day;
        if (!read_date (P, &day))
          return FALSE;
        value->i = day;
        break;
      }
    case TYPE_ENUM:
      if (!read_code (P, decl, &index))
        return FALSE;
      value->i = decl->values[index];
      break;
    case TYPE_ENUM_LIST:
      if (!read_enum_list (P, slot))
        return FALSE;
      break;
    case TYPE_RUNS:
      if (!read_runs (P, slot))
        return FALSE;
      break;
    default:
      return fail (P, ACTIVERING_ERROR_FAILED, "a fact of an unsupported type");
    }
  facts->state[slot] = ACTIVERING_FACT_KNOWN;
  value->known = TRUE;
  return TRUE;
}

/* A null object: every fact below it was asked, but is not known. */
static void
blank_below (ActiveringFacts *facts, const SchemaNode *node)
{
  if (node->fact >= 0)
    {
      if (facts->state[node->fact] == ACTIVERING_FACT_UNKNOWN)
        facts->state[node->fact] = ACTIVERING_FACT_BLANK;
      return;
    }
  for (guint i = 0; i < node->n_children; i++)
    blank_below (facts, node->children[i]);
}

static gboolean read_object (Parser *P, const SchemaNode *node, gboolean root);

static gboolean
read_root_member (Parser *P, const char *key, gsize len, gboolean *handled)
{
  ActiveringFacts *facts = P->facts;
  const char *s;
  gsize s_len;
  *handled = TRUE;
  if (len == 6 && memcmp (key, "format", 6) == 0)
    {
      if (!expect_value (P, '"', "the string \"" FACTS_FORMAT_VERSION "\"") || !read_string (P, MAX_STRING, &s, &s_len))
        return FALSE;
      if (P->seen_format)
        return fail (P, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      P->seen_format = TRUE;
      g_autoptr (GString) quoted = quote_input (s, s_len, 64);
      if (s_len == strlen (FACTS_FORMAT_VERSION) && memcmp (s, FACTS_FORMAT_VERSION, s_len) == 0)
        return TRUE;
      if (s_len > strlen (FACTS_FORMAT_KIND) && memcmp (s, FACTS_FORMAT_KIND, strlen (FACTS_FORMAT_KIND)) == 0)
        return fail (P, ACTIVERING_ERROR_FORMAT, "%s is a major version this library does not read (it reads \"%s\")",
                     quoted->str, FACTS_FORMAT_VERSION);
      return fail (P, ACTIVERING_ERROR_FORMAT, "%s is not a facts document (expected \"%s\")", quoted->str,
                   FACTS_FORMAT_VERSION);
    }
  if (len == 2 && memcmp (key, "id", 2) == 0)
    {
      if (facts->has_id)
        return fail (P, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      if (!expect_value (P, '"', "the dossier id as a string") || !read_string (P, FACTS_MAX_ID, &s, &s_len))
        return FALSE;
      if (s_len == 0)
        return fail (P, ACTIVERING_ERROR_INVALID_VALUE, "the dossier id is empty");
      for (gsize i = 0; i < s_len; i++)
        if ((guchar) s[i] < 0x20 || s[i] == 0x7F)
          return fail (P, ACTIVERING_ERROR_INVALID_VALUE, "the dossier id contains a control character");
      if (!g_utf8_validate_len (s, s_len, NULL))
        return fail (P, ACTIVERING_ERROR_INVALID_VALUE, "the dossier id is not valid UTF-8");
      memcpy (facts->id, s, s_len);
      facts->id[s_len] = '\0';
      facts->id_len = s_len;
      facts->has_id = TRUE;
      return TRUE;
    }
  if (len == 5 && memcmp (key, "as_of", 5) == 0)
    {
      if (P->seen_as_of)
        return fail (P, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
      P->seen_as_of = TRUE;
      if (P->p < P->end && *P->p == 'n')
        return literal (P, "null");
      if (!read_date (P, &facts->as_of))
        return FALSE;
      facts->has_as_of = TRUE;
      return TRUE;
    }
  *handled = FALSE;
  return TRUE;
}

static gboolean
read_object (Parser *P, const SchemaNode *node, gboolean root)
{
  if (++P->depth > MAX_DEPTH)
    return fail (P, ACTIVERING_ERROR_TOO_LARGE, "nested deeper than %d levels", MAX_DEPTH);
  P->p++;
  gboolean first = TRUE, done;
  const char *key;
  gsize len;
  while (next_member (P, &first, &key, &len, &done) && !done)
    {
      gsize mark = push (P, key, len);
      gboolean handled = FALSE;
      if (root && !read_root_member (P, key, len, &handled))
        return FALSE;
      if (!handled)
        {
          const SchemaNode *child = NULL;
          for (guint i = 0; i < node->n_children; i++)
            if (node->children[i]->key_len == len && memcmp (node->children[i]->key, key, len) == 0)
              child = node->children[i];
          if (child == NULL)
            {
              if (len < 2 || key[0] != 'x' || key[1] != '_')
                return fail_unknown_key (P, key, len, node->suggest_keys, node->n_suggest_keys);
              if (!skip_value (P))
                return FALSE;
            }
          else if (child->fact >= 0)
            {
              if (!read_fact (P, (guint) child->fact))
                return FALSE;
            }
          else if (P->facts->seen_objects[child->object])
            return fail (P, ACTIVERING_ERROR_DUPLICATE, "the key appears twice");
          else if (P->p < P->end && *P->p == 'n')
            {
              P->facts->seen_objects[child->object] = 1;
              if (!literal (P, "null"))
                return FALSE;
              blank_below (P->facts, child);
            }
          else
            {
              if (!expect_value (P, '{', "an object or null"))
                return FALSE;
              P->facts->seen_objects[child->object] = 1;
              if (!read_object (P, child, FALSE))
                return FALSE;
            }
        }
      pop (P, mark);
    }
  P->depth--;
  return P->error == NULL || *P->error == NULL;
}

static void
clear (ActiveringFacts *facts)
{
  guint n = facts->rules->n_facts;
  memset (facts->state, ACTIVERING_FACT_UNKNOWN, n);
  memset (facts->values, 0, sizeof (Value) * n);
  memset (facts->seen_objects, 0, MAX (facts->rules->n_schema_objects, 1));
  g_array_set_size (facts->runs, 0);
  facts->id[0] = '\0';
  facts->id_len = 0;
  g_string_truncate (facts->path, 0);
  facts->has_id = FALSE;
  facts->has_as_of = FALSE;
}

ActiveringFacts *
activering_facts_new (ActiveringRuleSet *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  /* One block for the object and its slot arrays: an evaluation reads them together, so they share cache lines
   * (values first, for alignment). */
  guint n = MAX (rules->n_facts, 1), objects = MAX (rules->n_schema_objects, 1);
  gsize size = sizeof (ActiveringFacts) + sizeof (Value) * n + sizeof (guint) * 2 * n + n + objects;
  ActiveringFacts *facts = g_malloc0 (size);
  facts->values = (Value *) (facts + 1);
  facts->run_first = (guint *) (facts->values + n);
  facts->run_count = facts->run_first + n;
  facts->state = (guint8 *) (facts->run_count + n);
  facts->seen_objects = facts->state + n;
  facts->rules = activering_rule_set_ref (rules);
  facts->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  facts->text = g_string_new (NULL);
  facts->path = g_string_new (NULL);
  clear (facts);
  return facts;
}

void
activering_facts_free (ActiveringFacts *facts)
{
  if (facts == NULL)
    return;
  activering_rule_set_unref (facts->rules);
  g_array_free (facts->runs, TRUE);
  g_string_free (facts->text, TRUE);
  g_string_free (facts->path, TRUE);
  g_free (facts);
}

gboolean
activering_facts_parse (ActiveringFacts *facts, const char *json, gssize length, GError **error)
{
  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (json != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  clear (facts);
  /* Errors are only built when asked for; without a GError the parser still stops at the first one. */
  GError *local = NULL;
  Parser parser = { .facts = facts, .error = &local };
  Parser *P = &parser;
  P->start = P->p = json ? json : "";
  P->end = P->p + (length < 0 ? strlen (P->p) : (gsize) length);
  skip_space (P);
  gboolean ok;
  if (P->p >= P->end)
    ok = fail (P, ACTIVERING_ERROR_SYNTAX, "empty document");
  else if (*P->p != '{')
    ok = expect_value (P, '{', "a facts object");
  else
    ok = read_object (P, facts->rules->schema, TRUE);
  if (ok)
    {
      skip_space (P);
      g_string_truncate (facts->path, 0);
      if (P->p < P->end)
        ok = fail (P, ACTIVERING_ERROR_SYNTAX, "malformed JSON: unexpected data after the document at byte %zu",
                   (gsize) (P->p - P->start));
      else if (!P->seen_format)
        ok = fail (P, ACTIVERING_ERROR_FORMAT, "missing \"format\" (expected \"%s\")", FACTS_FORMAT_VERSION);
      else if (!facts->has_id)
        ok = fail (P, ACTIVERING_ERROR_MISSING, "missing \"id\" (the opaque dossier id)");
    }
  if (!ok)
    {
      clear (facts);
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

ActiveringFacts *
activering_facts_new_from_json (ActiveringRuleSet *rules, const char *json, gssize length, GError **error)
{
  ActiveringFacts *facts = activering_facts_new (rules);
  if (!activering_facts_parse (facts, json, length, error))
    {
      activering_facts_free (facts);
      return NULL;
    }
  return facts;
}

ActiveringRuleSet *
activering_facts_get_rule_set (const ActiveringFacts *facts)
{
  g_return_val_if_fail (facts != NULL, NULL);
  return facts->rules;
}

const char *
activering_facts_get_id (const ActiveringFacts *facts)
{
  g_return_val_if_fail (facts != NULL, NULL);
  return facts->has_id ? facts->id : NULL;
}

gboolean
activering_facts_get_as_of (const ActiveringFacts *facts, GDate *out)
{
  g_return_val_if_fail (facts != NULL && out != NULL, FALSE);
  if (!facts->has_as_of)
    return FALSE;
  activering_days_to_gdate (facts->as_of, out);
  return TRUE;
}

ActiveringFactState
activering_facts_get_state (const ActiveringFacts *facts, const char *path)
{
  g_return_val_if_fail (facts != NULL, ACTIVERING_FACT_UNKNOWN);
  int slot = activering_rule_set_lookup_fact (facts->rules, path);
  return slot < 0 ? ACTIVERING_FACT_UNKNOWN : (ActiveringFactState) facts->state[slot];
}

const char *
activering_fact_state_to_string (ActiveringFactState state)
{
  switch (state)
    {
    case ACTIVERING_FACT_KNOWN: return "known";
    case ACTIVERING_FACT_BLANK: return "blank";
    case ACTIVERING_FACT_UNKNOWN:
    default: return "unknown";
    }
}
