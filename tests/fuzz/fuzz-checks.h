/* fuzz-checks.h: what both fuzz targets check of the library's answers. Define FUZZ_NAME before including. */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>
#include <json-c/json.h>

/* A failed check is a finding: say what and where, and abort so that libFuzzer keeps the input. */
#define CHECK(cond, ...)                                                                                    \
  do                                                                                                        \
    {                                                                                                       \
      if (!(cond))                                                                                          \
        {                                                                                                   \
          fprintf (stderr, FUZZ_NAME ": check failed: %s (%s:%d)\n  ", #cond, __FILE__, __LINE__);         \
          fprintf (stderr, __VA_ARGS__);                                                                    \
          fputc ('\n', stderr);                                                                             \
          abort ();                                                                                         \
        }                                                                                                   \
    }                                                                                                       \
  while (0)

/* A document the library wrote must be valid UTF-8 (rule sets and facts are checked to be) and one well-formed
 * JSON object. */
static inline void
check_json (const char *what, const char *text, size_t length)
{
  CHECK (g_utf8_validate_len (text, length, NULL), "%s is not valid UTF-8", what);
  json_tokener *tokener = json_tokener_new ();
  json_object *root = json_tokener_parse_ex (tokener, text, (int) length);
  enum json_tokener_error status = json_tokener_get_error (tokener);
  size_t end = json_tokener_get_parse_end (tokener);
  json_tokener_free (tokener);
  CHECK (status == json_tokener_success && root != NULL, "%s is not JSON (%s): %.300s", what,
         json_tokener_error_desc (status), text);
  while (end < length && g_ascii_isspace (text[end]))
    end++;
  CHECK (end == length, "%s has data after the JSON value at byte %zu", what, end);
  CHECK (json_object_is_type (root, json_type_object), "%s is not a JSON object", what);
  json_object_put (root);
}
